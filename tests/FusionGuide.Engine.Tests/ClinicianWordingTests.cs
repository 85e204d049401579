using System.Text.RegularExpressions;
using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// What a clinician reads names things in words (issue #23: "the terminal never shows a JSON path to a clinician
/// unless asked"), and the unverified-knowledge warning is a count and a pointer to the list, given once (#20 item 7).
/// </summary>
public sealed partial class ClinicianWordingTests
{
    // Four tests that each draw a warning naming the test (clone mismatch, inadequate FISH, failed, no result) and a
    // history that draws a consistency warning naming the treatment.
    private const string Troubled = """
        { "tests": [
            { "gene": "ALK", "method": "ihc", "clone": "22C3", "sample": "tissue", "result": "positive" },
            { "gene": "ALK", "method": "fish", "sample": "tissue", "percentRearrangedCells": 30, "cellsScored": 20 },
            { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "failed" },
            { "gene": "ALK", "method": "ngs-dna", "sample": "plasma" } ],
          "history": [ { "therapy": "alectinib", "start": "2024-01", "end": "2023-01", "stopReason": "progression", "progressionPattern": "systemic" } ] }
        """;

    [Fact]
    public void Warnings_the_trace_and_next_tests_name_a_test_in_words_never_by_its_JSON_path()
    {
        var r = Cases.Evaluate(Troubled);
        var texts = Texts(r).ToList();

        var paths = texts.Where(t => JsonPath().IsMatch(t)).ToList();
        Assert.True(paths.Count == 0, string.Join("\n", paths));
        var diagnosis = r.Diagnosis.Warnings.Select(w => w.Message).ToList();
        Assert.Contains(diagnosis, m => m.StartsWith("Test 1 (ALK IHC on tissue): clone 22C3 is not an antibody for ALK", StringComparison.Ordinal));
        Assert.Contains(diagnosis, m => m.StartsWith("Test 2 (ALK FISH on tissue): ALK FISH 30% rearranged in 20 cells", StringComparison.Ordinal));
        Assert.Contains(diagnosis, m => m.StartsWith("Test 3 (ROS1 RNA NGS on tissue) failed", StringComparison.Ordinal));
        Assert.Contains(diagnosis, m => m.StartsWith("Test 4 (ALK DNA NGS on plasma) reports no result", StringComparison.Ordinal));
        Assert.Contains(r.Diagnosis.NextTests, n => n.Reason.StartsWith("Test 3 (ROS1 RNA NGS on tissue) failed: repeat", StringComparison.Ordinal));
        Assert.Contains(r.Trace, t => t.Detail.StartsWith("Test 3 (ROS1 RNA NGS on tissue): the test failed.", StringComparison.Ordinal));
        Assert.Contains(r.Warnings, w => w.Message.StartsWith("Treatment 1 in the history (alectinib) ends (2023-01) before it starts (2024-01)", StringComparison.Ordinal));
    }

    [Fact]
    public void Disagreeing_tests_are_both_named_in_words()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "negative" } ] }""");

        var discordant = Assert.Single(r.Diagnosis.Warnings, w => w.Code == "discordant-results");
        Assert.StartsWith("ALK: test 1 (ALK IHC on tissue) and test 2 (ALK RNA NGS on tissue) disagree", discordant.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unverified_knowledge_warning_is_a_count_and_a_pointer_to_the_list_given_once()
    {
        // Progression on alectinib with ALK G1202R: the answer uses facts not yet verified (see WarningCodeTests).
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["G1202R"] } ], "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }""");

        var warning = Assert.Single(r.Warnings.Concat(r.Diagnosis.Warnings), w => w.Code == "unverified-knowledge");
        var list = Assert.Single(r.Trace, t => t.Rule == RuleIds.Unverified);
        var count = int.Parse(list.Detail[..list.Detail.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count > 1);
        Assert.StartsWith($"{count} facts behind this answer are not yet verified", warning.Message, StringComparison.Ordinal);
        Assert.Contains($"the trace entry {RuleIds.Unverified} lists them", warning.Message, StringComparison.Ordinal);
        Assert.Contains("kb audit", warning.Message, StringComparison.Ordinal);
        Assert.True(warning.Message.Length <= 200, $"{warning.Message.Length} characters: {warning.Message}");
        // Short: it names no fact itself (the list does), so no reference id or verification note is restated.
        Assert.DoesNotContain(";", warning.Message, StringComparison.Ordinal);
        Assert.Single(Texts(r), t => t.Contains("behind this answer", StringComparison.Ordinal));
    }

    /// <summary>Every prose text of a result a clinician reads.</summary>
    private static IEnumerable<string> Texts(Result r) =>
        r.Warnings.Concat(r.Diagnosis.Warnings).Select(w => w.Message)
            .Concat(r.Trace.Select(t => t.Detail))
            .Concat(r.Diagnosis.NextTests.Select(n => n.Reason))
            .Concat(r.SystemicTherapy.Options.Select(o => o.Rationale))
            .Concat(r.SystemicTherapy.Avoid.Select(a => a.Reason));

    /// <summary>A JSON path into the case: <c>tests[2]</c>, <c>history[0]</c>, <c>$.tumor</c>.</summary>
    [GeneratedRegex(@"\b(tests|history|adverseEvents|medications|comorbidities|mutations|alterations)\[\d+\]|\$\.")]
    private static partial Regex JsonPath();
}
