using System.Text.RegularExpressions;
using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>The resistance work-up's example mutation is the row of the knowledge base's resistance table marked solventFront for the typed kinase.</summary>
public partial class ResistanceWorkupExampleTests
{
    [Theory]
    [InlineData("ALK", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" } ], "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }""", "G1202R")]
    [InlineData("ROS1", """{ "tests": [ { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "positive", "fusionPartner": "CD74" } ], "history": [ { "therapy": "crizotinib", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }""", "G2032R")]
    public void The_plasma_work_up_after_progression_names_the_kinases_solvent_front_mutation_from_the_resistance_table(string gene, string overrides, string expected)
    {
        var r = Cases.Evaluate(overrides);

        var plasma = Assert.Single(r.Diagnosis.NextTests, n => n.Gene == gene && n.Method == TestMethod.NgsDna && n.Sample == Sample.Plasma);
        var example = SolventFront().Match(plasma.Reason).Groups[1].Value;
        Assert.Equal(expected, example);
        // The example is the row the knowledge base marks solventFront (with its sources), not a name in engine code.
        var marked = Assert.Single(Kb.Folder(Path.Combine("resistance", "mutations")), row => row["gene"]!.GetValue<string>() == gene && row["solventFront"] is not null);
        Assert.True(marked["mutations"]!.AsArray() is [var only] && only!.GetValue<string>() == example);
        Assert.NotEmpty(marked["solventFront"]!["sources"]!.AsArray());
    }

    [GeneratedRegex("solvent-front ([A-Z][0-9]+[A-Z])")]
    private static partial Regex SolventFront();
}
