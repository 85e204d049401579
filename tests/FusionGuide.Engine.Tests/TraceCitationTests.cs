using FusionGuide.Engine.Tests.Support;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// A rule that applies each case's own record (dosing, toxicity rows, monitoring, contraception lines) cites in its
/// trace entry the records it read, not the other drugs' labels its catalogue entry names as examples.
/// </summary>
public sealed class TraceCitationTests
{
    private const string AlectinibWithLiverToxicity = """
        { "patient": { "sex": "female", "age": 40 },
          "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" } ],
          "history": [ { "therapy": "alectinib", "start": "2025-01", "stopReason": "ongoing" } ],
          "adverseEvents": [ { "therapy": "alectinib", "event": "alt-ast-elevation", "grade": 3 } ] }
        """;

    [Theory]
    [InlineData("SAFE-TOX-001")]
    [InlineData("SAFE-DOSE-001")]
    [InlineData("SAFE-MON-001")]
    public void Alectinib_rows_cite_the_alectinib_label_not_the_catalogue_examples(string rule)
    {
        var r = Cases.Evaluate(AlectinibWithLiverToxicity);

        var alectinibEntries = r.Trace.Where(t => t.Rule == rule && t.Detail.StartsWith("Alectinib", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(alectinibEntries);
        foreach (var entry in alectinibEntries)
        {
            Assert.Contains("label-us-alectinib", entry.References);
            Assert.DoesNotContain(entry.References, id => id is "label-us-lorlatinib" or "label-us-brigatinib" or "label-us-repotrectinib");
        }
    }

    [Fact]
    public void A_grade_5_event_cites_the_label_of_the_drug_it_happened_on()
    {
        var r = Cases.Evaluate("""
            { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" } ],
              "history": [ { "therapy": "alectinib", "start": "2025-01", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "alectinib", "event": "pneumonitis", "grade": 5 } ] }
            """);

        var entry = Assert.Single(r.Trace, t => t.Rule == "SAFE-TOX-003");
        Assert.Equal(["label-us-alectinib"], entry.References);
    }

    [Fact]
    public void A_rule_citing_its_catalogue_still_cites_the_catalogue_sources()
    {
        var r = Cases.OnDrugWith("lorlatinib", "rifampin");

        // SAFE-INT-001's class basis (the FDA table, CredibleMeds) is general, so every entry it writes cites it.
        var rule = KnowledgeLoader.Embedded.Rule("SAFE-INT-001")!;
        Assert.False(rule.CitesRecordsRead);
        var entries = r.Trace.Where(t => t.Rule == "SAFE-INT-001").ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, t => Assert.Superset(rule.Provenance.Sources.ToHashSet(), t.References.ToHashSet()));
    }
}
