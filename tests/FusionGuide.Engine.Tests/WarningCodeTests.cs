using System.Text.RegularExpressions;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>One reachable case per warning code the engine emits, and a check that the table covers every code in the engine's source.</summary>
public partial class WarningCodeTests
{
    private const string AlectinibProgression = """{ "therapy": "alectinib", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" }""";

    public static TheoryData<string, string> Cases_by_code() => new()
    {
        { "inadequate-sample", """{ "tests": [ { "gene": "ALK", "method": "fish", "sample": "tissue", "percentRearrangedCells": 30, "cellsScored": 49 } ] }""" },
        { "clone-mismatch", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "22C3", "sample": "tissue", "result": "positive" } ] }""" },
        { "weak-staining", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "5A4", "sample": "tissue", "result": "positive", "intensity": 2 } ] }""" },
        { "unconfirmed-screen", """{ "tests": [ { "gene": "ROS1", "method": "ihc", "clone": "D4D6", "sample": "tissue", "result": "positive" } ] }""" },
        { "discordant-results", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "negative" } ] }""" },
        { "plasma-negative", """{ "tests": [ { "gene": "ROS1", "method": "ngs-dna", "sample": "plasma", "result": "negative" } ] }""" },
        { "test-failed", """{ "tests": [ { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "failed" } ] }""" },
        { "concurrent-drivers", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "KRAS", "method": "ngs-dna", "sample": "tissue", "result": "positive" } ] }""" },
        { "fish-result-recomputed", """{ "tests": [ { "gene": "ALK", "method": "fish", "sample": "tissue", "percentRearrangedCells": 60, "cellsScored": 50, "result": "negative" } ] }""" },
        { "no-result", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue" } ] }""" },
        { "outside-scope", """{ "tests": [ { "gene": "BRAF", "method": "ngs-dna", "sample": "tissue", "result": "positive" } ] }""" },
        { "history-inconsistent", """{ "history": [ { "therapy": "alectinib", "start": "2024-01", "end": "2023-01", "stopReason": "progression", "progressionPattern": "systemic" } ] }""" },
        { "stage-inconsistent", """{ "tumor": { "stage": "IIIC", "resected": true } }""" },
        { "adjuvant-stage", """{ "tumor": { "stage": "IB", "resected": true } }""" },
        { "histologic-transformation", $$"""{ "tumor": { "transformation": "small-cell" }, "history": [ {{AlectinibProgression}} ] }""" },
        { "no-targeted-option", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["G1202R", "G1269A"] } ], "history": [ """ + AlectinibProgression + "] }" },
        { "prior-immunotherapy", """{ "history": [ { "therapy": "chemo-immunotherapy", "start": "2025-01", "end": "2025-06", "stopReason": "completed" } ] }""" },
        { "approval-unknown", $$"""{ "tests": {{Support.Cases.Ros1Tests}}, "context": { "region": "EU" } }""" },
        { "poor-performance-status", """{ "patient": { "ecog": 3 } }""" },
        { "unknown-mutation", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["A1200V"] } ], "history": [ """ + AlectinibProgression + "] }" },
        { "compound-estimated", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["L1196M", "F1174L"] } ], "history": [ """ + AlectinibProgression + "] }" },
        { "unknown-medication", """{ "medications": ["not-a-known-drug"] }""" },
        { "toxicity-unattributed", """{ "adverseEvents": [ { "event": "diarrhea", "grade": 2 } ] }""" },
        { "grade-5-event", """{ "history": [ { "therapy": "brigatinib", "start": "2025-01", "stopReason": "ongoing" } ], "adverseEvents": [ { "therapy": "brigatinib", "event": "pneumonitis", "grade": 5 } ] }""" },
        { "no-toxicity-rules", """{ "history": [ { "therapy": "docetaxel", "start": "2025-01", "stopReason": "ongoing" } ], "adverseEvents": [ { "therapy": "docetaxel", "event": "neutropenia", "grade": 3 } ] }""" },
        { "pregnancy", """{ "comorbidities": ["pregnancy"] }""" },
        { "unverified-knowledge", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["G1202R"] } ], "history": [ """ + AlectinibProgression + "] }" },
        { "unknown-field", """{ "patient": { "favouriteColour": "blue" } }""" },
        { "no-guideline-table", "asOf=2015-01-01" },
        { "small-cell-histology", """{ "tumor": { "histology": "small-cell" } }""" },
    };

    [Theory]
    [MemberData(nameof(Cases_by_code))]
    public void Warning_code_is_emitted_where_it_applies(string code, string overrides)
    {
        // A row "asOf=DATE" evaluates the base case on that date (for codes that depend on the evaluation date).
        var r = overrides.StartsWith("asOf=", StringComparison.Ordinal)
            ? Support.Cases.Evaluate("{}", DateOnly.Parse(overrides[5..], System.Globalization.CultureInfo.InvariantCulture))
            : Support.Cases.Evaluate(overrides);

        Assert.Contains(code, r.WarningCodes());
    }

    [Fact]
    public void Every_warning_code_in_the_engine_source_has_a_case()
    {
        var src = Path.Combine(Repo.Knowledge, "..", "src", "FusionGuide.Engine");
        var emitted = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => WarnCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var covered = Cases_by_code().Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(emitted);
        Assert.Empty(emitted.Except(covered));
    }

    [GeneratedRegex(@"Warn(?:Diagnosis)?\(""([a-z0-9-]+)""")]
    private static partial Regex WarnCall();
}
