using FusionGuide.Domain.Wire;
using FusionGuide.Fhir.Tests.Support;

namespace FusionGuide.Fhir.Tests;

public sealed class Scratch
{
    [Theory]
    [InlineData("mcode4-Bundle-gx-genomic-bundle-adam-anyperson.json")]
    [InlineData("gr3-Observation-ROS1-Fusion-var.json")]
    [InlineData("gr3-Observation-EGFR-L858R-var.json")]
    [InlineData("gr3-Observation-ROS1-Fusion-therapuDrug.json")]
    [InlineData("mcode4-Condition-primary-cancer-condition-nsclc.json")]
    [InlineData("mcode4-Condition-secondary-cancer-condition-brain-mets.json")]
    public void Dump(string file)
    {
        var m = Examples.Map(file);
        var text = $"== {file}\n{(m.Case is null ? "null" : ContractJson.Serialize(m.Case))}\nPROBLEMS\n{string.Join("\n", m.Problems)}\nWARNINGS\n{string.Join("\n", m.Warnings.Select(w => w.Message))}\n";
        File.AppendAllText("/tmp/fhir-dump.txt", text);
    }
}
