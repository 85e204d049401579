using System.Reflection;
using System.Text.RegularExpressions;
using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// The warning-code registry (<see cref="WarningCodes"/>): one reachable case per code the engine and the case reader
/// write, each landing in the list its entry names; every code documented once (docs/warning-codes.md), the contract's
/// codes present, no code twice.
/// </summary>
public partial class WarningCodeTests
{
    private const string AlectinibProgression = """{ "therapy": "alectinib", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" }""";

    public static TheoryData<string, string> Cases_by_code() => new()
    {
        { "inadequate-sample", """{ "tests": [ { "gene": "ALK", "method": "fish", "sample": "tissue", "percentRearrangedCells": 30, "cellsScored": 49 } ] }""" },
        { "clone-mismatch", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "22C3", "sample": "tissue", "result": "positive" } ] }""" },
        { "unvalidated-clone", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "other", "sample": "tissue", "result": "negative" } ] }""" },
        { "weak-staining", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "5A4", "sample": "tissue", "result": "positive", "intensity": 2 } ] }""" },
        { "ihc-contradicts", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "negative", "intensity": 3, "percentStainedCells": 70 } ] }""" },
        { "unconfirmed-screen", """{ "tests": [ { "gene": "ROS1", "method": "ihc", "clone": "D4D6", "sample": "tissue", "result": "positive" } ] }""" },
        { "discordant-results", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "negative" } ] }""" },
        { "plasma-negative", """{ "tests": [ { "gene": "ROS1", "method": "ngs-dna", "sample": "plasma", "result": "negative" } ] }""" },
        { "sample-not-stated", """{ "tests": [ { "gene": "ROS1", "method": "ngs-rna", "result": "negative" } ] }""" },
        { "test-failed", """{ "tests": [ { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "failed" } ] }""" },
        { "concurrent-drivers", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "KRAS", "method": "ngs-dna", "sample": "tissue", "result": "positive" } ] }""" },
        { "uncommon-fusion-partner", """{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "result": "positive", "fusionPartner": "KIF5B" } ] }""" },
        { "fish-nuclei-not-stated", """{ "tests": [ { "gene": "ALK", "method": "fish", "sample": "tissue", "percentRearrangedCells": 22, "result": "positive" } ] }""" },
        { "fish-result-recomputed", """{ "tests": [ { "gene": "ALK", "method": "fish", "sample": "tissue", "percentRearrangedCells": 60, "cellsScored": 50, "result": "negative" } ] }""" },
        { "no-result", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue" } ] }""" },
        { "kinase-finding-not-fusion", """{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "result": "positive", "mutations": ["F1174L"] } ] }""" },
        { "outside-scope", """{ "tests": [ { "gene": "BRAF", "method": "ngs-dna", "sample": "tissue", "result": "positive" } ] }""" },
        { "stop-reason-missing", """{ "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2024-06" } ] }""" },
        { "brain-metastases-from-sites", """{ "disease": { "sites": ["bone", "brain"] } }""" },
        { "history-inconsistent", """{ "history": [ { "therapy": "alectinib", "start": "2024-01", "end": "2023-01", "stopReason": "progression", "progressionPattern": "systemic" } ] }""" },
        { "stage-not-given", """without=tumor.stage { "disease": { "sites": ["lung"] } }""" },
        { "brain-status-not-given", """without=disease.brainMetastases { "disease": { "sites": ["bone"] } }""" },
        { "stage-inconsistent", """{ "tumor": { "stage": "IIIC", "resected": true } }""" },
        { "curative-intent", """{ "tumor": { "stage": "IIA" }, "disease": { "sites": [] } }""" },
        { "adjuvant-stage", """{ "tumor": { "stage": "IB", "resected": true }, "disease": { "sites": [] } }""" },
        { "histologic-transformation", $$"""{ "tumor": { "transformation": "small-cell" }, "history": [ {{AlectinibProgression}} ] }""" },
        { "what-comes-next", """{ "context": { "available": ["alectinib"] } }""" },
        { "no-targeted-option", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "timing": "progression", "result": "positive", "mutations": ["G1202R", "G1269A"] } ], "history": [ """ + AlectinibProgression + "] }" },
        { "intolerance-not-described", """{ "history": [ { "therapy": "lorlatinib", "start": "2021-01", "end": "2021-03", "stopReason": "intolerance" }, """ + AlectinibProgression + "] }" },
        { "prior-immunotherapy", """{ "history": [ { "therapy": "chemo-immunotherapy", "start": "2025-01", "end": "2025-06", "stopReason": "completed" } ] }""" },
        { "approval-unknown", $$"""{ "tests": {{Support.Cases.Ros1Tests}}, "context": { "region": "EU" } }""" },
        { "minor-patient", """{ "patient": { "age": 15, "sex": "female", "smoking": "never", "ecog": 1 } }""" },
        { "poor-performance-status", """{ "patient": { "ecog": 3 } }""" },
        { "unknown-mutation", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["A1200V"] } ], "history": [ """ + AlectinibProgression + "] }" },
        { "compound-estimated", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "timing": "progression", "result": "positive", "mutations": ["L1196M", "F1174L"] } ], "history": [ """ + AlectinibProgression + "] }" },
        { "unphased-mutations", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["G1202R", "L1196M"] } ], "history": [ """ + AlectinibProgression + "] }" },
        { "unknown-medication", """{ "medications": ["not-a-known-drug"] }""" },
        { "bypass-not-read", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "EGFR", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["L858R"] } ], "history": [ """ + AlectinibProgression + "] }" },
        { "combination-taken-now", """{ "history": [ { "therapy": "lorlatinib", "start": "2026-06", "stopReason": "ongoing" } ], "medications": ["rifampicin"] }""" },
        { "toxicity-unattributed", """{ "adverseEvents": [ { "event": "diarrhea", "grade": 2 } ] }""" },
        { "grade-5-event", """{ "history": [ { "therapy": "brigatinib", "start": "2025-01", "stopReason": "ongoing" } ], "adverseEvents": [ { "therapy": "brigatinib", "event": "pneumonitis", "grade": 5 } ] }""" },
        { "no-toxicity-rules", """{ "history": [ { "therapy": "docetaxel", "start": "2025-01", "stopReason": "ongoing" } ], "adverseEvents": [ { "therapy": "docetaxel", "event": "neutropenia", "grade": 3 } ] }""" },
        { "pregnancy", """{ "comorbidities": ["pregnancy"] }""" },
        { "breastfeeding", """{ "comorbidities": ["breastfeeding"] }""" },
        { "unverified-knowledge", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["G1202R"] } ], "history": [ """ + AlectinibProgression + "] }" },
        { "unknown-field", """{ "patient": { "favouriteColour": "blue" } }""" },
        { "unknown-alteration", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "alterations": ["not-an-alteration"] } ], "history": [ """ + AlectinibProgression + "] }" },
        { "no-guideline-table", "asOf=2015-01-01" },
        { "knowledge-after-release", "asOf=2030-01-01" },
        { "regimen-not-coded", """asOf=2024-03-01 { "tumor": { "histology": "squamous", "stage": "IIA", "resected": true }, "disease": { "sites": [] }, "tests": [ { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "positive" } ] }""" },
        { "small-cell-histology", """{ "tumor": { "histology": "small-cell" } }""" },
        { "findings-not-at-progression", """{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "result": "positive", "mutations": ["G1202R"] } ], "history": [ """ + AlectinibProgression + "] }" },
        { "test-after-evaluation-date", """asOf=2024-03-01 { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive", "date": "2025-05-01" } ] }""" },
    };

    [Theory]
    [MemberData(nameof(Cases_by_code))]
    public void Warning_code_is_emitted_where_it_applies(string code, string overrides)
    {
        // A row "asOf=DATE" (optionally followed by overrides) evaluates on that date (codes that depend on the date).
        // A row "without=a.b" (followed by overrides) evaluates the base case with that field removed (fields left out).
        var r = overrides.StartsWith("asOf=", StringComparison.Ordinal)
            ? Support.Cases.Evaluate(overrides.Length > 15 ? overrides[16..] : "{}", DateOnly.Parse(overrides[5..15], System.Globalization.CultureInfo.InvariantCulture))
            : overrides.StartsWith("without=", StringComparison.Ordinal)
                ? Without(overrides[8..overrides.IndexOf(' ', StringComparison.Ordinal)], overrides[(overrides.IndexOf(' ', StringComparison.Ordinal) + 1)..])
                : Support.Cases.Evaluate(overrides);
        var entry = Assert.Single(WarningCodes.All, w => w.Code == code);

        // The diagnosis stage writes into diagnosis.warnings, every other writer into warnings.
        var list = entry.Source == WarningSource.Diagnosis ? r.Diagnosis.Warnings : r.Warnings;
        Assert.Contains(code, list.Select(w => w.Code));
    }

    private static Result Without(string path, string overrides)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(Support.Cases.Json(overrides))!.AsObject();
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(root, (node, name) => node[name]!.AsObject());
        parent.Remove(parts[^1]);
        return Support.Cases.EvaluateJson(root.ToJsonString());
    }

    [Fact]
    public void Every_warning_code_the_engine_or_case_reader_writes_has_a_case()
    {
        var written = WarningCodes.All.Where(w => w.Source != WarningSource.FhirReader).Select(w => w.Code);
        var covered = Cases_by_code().Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(written.Except(covered));
    }

    [Fact]
    public void No_two_registry_entries_share_a_code()
    {
        var repeated = WarningCodes.All.GroupBy(w => w.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(repeated);
    }

    [Fact]
    public void The_registry_list_holds_every_entry_declared()
    {
        var declared = typeof(WarningCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(WarningCode)).Select(f => (WarningCode)f.GetValue(null)!);

        Assert.Equal(declared.Select(w => w.Code).Order(StringComparer.Ordinal), WarningCodes.All.Select(w => w.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_code_is_kebab_case_and_says_what_it_means_and_where_it_is_written()
    {
        Assert.All(WarningCodes.All, w =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", w.Code);
            Assert.False(string.IsNullOrWhiteSpace(w.Where), $"{w.Code}: where it is written");
            Assert.EndsWith(".", w.Meaning, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', w.Meaning);
        });
    }

    [Fact]
    public void The_contracts_warning_codes_are_in_the_registry_and_marked_as_the_contracts()
    {
        // The contract's README names the codes it fixes in one bullet: "Warning codes are the project's to choose, except these…".
        var readme = File.ReadAllText(Path.Combine(Repo.Contract, "README.md"));
        var start = readme.IndexOf("Warning codes are the project's to choose", StringComparison.Ordinal);
        Assert.True(start >= 0, "the contract's README no longer has its warning-code bullet");
        var end = readme.IndexOf("\n- ", start, StringComparison.Ordinal);
        var fixedCodes = CodeInBackticks().Matches(readme[start..end]).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(fixedCodes);
        Assert.Equal(fixedCodes.Order(StringComparer.Ordinal), WarningCodes.All.Where(w => w.FixedByContract).Select(w => w.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Docs_list_every_warning_code_as_the_registry_defines_it()
    {
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "warning-codes.md")).ReplaceLineEndings("\n");
        var table = WarningCodeTable();

        Assert.True(doc.Contains(table, StringComparison.Ordinal), $"docs/warning-codes.md should hold this table, generated from WarningCodes:\n{table}");
    }

    /// <summary>The table docs/warning-codes.md holds, written from the registry.</summary>
    private static string WarningCodeTable()
    {
        var rows = WarningCodes.All.Select(w =>
            $"| `{w.Code}`{(w.FixedByContract ? " (contract)" : "")} | {(w.Source == WarningSource.Diagnosis ? "diagnosis.warnings" : "warnings")} | {w.Where} | {w.Meaning} |");
        return string.Join("\n", ["| Code | In | Written by | Meaning |", "|---|---|---|---|", .. rows]) + "\n";
    }

    [GeneratedRegex("`([a-z0-9-]+)`")]
    private static partial Regex CodeInBackticks();
}
