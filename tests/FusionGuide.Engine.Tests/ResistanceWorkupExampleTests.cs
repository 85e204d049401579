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

    private static string AfterAlectinibWithVariant(string variant) => $$"""
        { "tests": [ { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "positive", "fusionPartner": "EML4", "variant": "{{variant}}" } ],
          "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }
        """;

    [Theory]
    [InlineData("v3")]
    [InlineData("V3b")]
    [InlineData("variant 3")]
    [InlineData("E6a;A20")]
    [InlineData("EML4-ALK v3a")]
    public void Eml4_alk_variant_3_names_g1202r_in_the_plasma_work_up_with_its_source(string reported)
    {
        var r = Cases.Evaluate(AfterAlectinibWithVariant(reported));

        var plasma = Assert.Single(r.Diagnosis.NextTests, n => n.Gene == "ALK" && n.Method == TestMethod.NgsDna && n.Sample == Sample.Plasma);
        Assert.Contains("EML4-ALK variant 3", plasma.Reason);
        Assert.Contains("G1202R is found more often at progression", plasma.Reason);
        // The link is knowledge (the G1202R row's enrichedInVariant marker), cited on the test and in the trace.
        var marker = Assert.Single(Kb.Folder(Path.Combine("resistance", "mutations")), row => row["enrichedInVariant"] is not null)["enrichedInVariant"]!;
        var source = marker["sources"]![0]!.GetValue<string>();
        Assert.Contains(source, plasma.References ?? []);
        Assert.Contains(r.Trace, t => t.Rule == "DX-VAR-001" && t.References.Contains(source));
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("E13;A20")]
    [InlineData("v31")]
    [InlineData("variant three")]
    public void Another_or_unreadable_variant_adds_no_variant_note(string reported)
    {
        var r = Cases.Evaluate(AfterAlectinibWithVariant(reported));

        Assert.DoesNotContain(r.Diagnosis.NextTests, n => n.Reason.Contains("EML4-ALK variant", StringComparison.Ordinal));
        Assert.DoesNotContain(r.Trace, t => t.Rule == "DX-VAR-001");
    }

    [Fact]
    public void Variant_note_waits_for_the_year_after_its_year_only_source()
    {
        var r = Cases.Evaluate(AfterAlectinibWithVariant("v3"), new DateOnly(2018, 12, 31));

        Assert.DoesNotContain(r.Trace, t => t.Rule == "DX-VAR-001");
        Assert.Contains(r.Trace, t => t.Rule == "SYS-DATE-001" && t.Detail.Contains("EML4-ALK variant 3"));
    }

    [GeneratedRegex("solvent-front ([A-Z][0-9]+[A-Z])")]
    private static partial Regex SolventFront();
}
