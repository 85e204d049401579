using System.Text.RegularExpressions;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Rendering;

namespace FusionGuide.Batch.Tests;

/// <summary>
/// The sentences a clinician reads, checked over synthetic cases (the cohort synthesizer, as <c>synth</c> makes them):
/// no doubled word, no "both" before a single item, every sentence capitalised and ended, and no field named by its
/// JSON path (a clinician reads "Test 2 (ALK FISH on tissue)", never "tests[1]").
/// </summary>
public sealed partial class ReportGrammarTests
{
    private const int Cases = 400;

    /// <summary>Every prose text of one result and its report's "Patient and findings", with where it came from.</summary>
    private static IEnumerable<(string Where, string Text)> Sentences() => Texts(trace: false);

    private static IEnumerable<(string Where, string Text)> Texts(bool trace)
    {
        var kb = KnowledgeLoader.Embedded;
        var engine = new FusionEngine(kb);
        var refs = KnowledgeReferences.From(kb);
        foreach (var c in new CaseSynthesizer(kb, 20261205).Cases(Cases))
        {
            var r = engine.Evaluate(c, null, []);
            foreach (var o in r.SystemicTherapy.Options)
            {
                yield return ($"{c.Id} option {o.Therapy}", o.Rationale);
            }

            foreach (var a in r.SystemicTherapy.Avoid)
            {
                yield return ($"{c.Id} avoid {a.Therapy}", a.Reason);
            }

            foreach (var w in r.Warnings.Concat(r.Diagnosis.Warnings))
            {
                yield return ($"{c.Id} warning {w.Code}", w.Message);
            }

            foreach (var t in r.Diagnosis.NextTests)
            {
                yield return ($"{c.Id} next test {t.Gene}", t.Reason);
            }

            foreach (var t in r.Trace.Where(_ => trace))
            {
                yield return ($"{c.Id} trace {t.Rule}", t.Detail);
            }

            var markdown = MarkdownRenderer.Render(r, refs, c);
            var findings = markdown[markdown.IndexOf("## Patient and findings", StringComparison.Ordinal)..markdown.IndexOf("## Diagnosis", StringComparison.Ordinal)];
            foreach (var line in findings.Split('\n').Where(l => l.StartsWith("- **", StringComparison.Ordinal) && !l.Contains("Evaluation date", StringComparison.Ordinal)))
            {
                yield return ($"{c.Id} findings", line[(line.IndexOf(":**", StringComparison.Ordinal) + 3)..].Trim().Replace("\\", "", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void No_report_sentence_doubles_a_word()
    {
        var slips = Sentences().Where(s => DoubledWord().IsMatch(s.Text)).Select(s => $"{s.Where}: {s.Text}").Distinct().Take(10).ToList();

        Assert.True(slips.Count == 0, string.Join("\n", slips));
    }

    [Fact]
    public void Both_is_never_followed_by_a_single_item()
    {
        // "both X and Y" (or "X and Y are both") needs an "and" in its clause.
        var slips = Sentences()
            .Where(s => BothClause().Matches(s.Text).Any(m => !m.Value.Contains(" and ", StringComparison.Ordinal)))
            .Select(s => $"{s.Where}: {s.Text}").Distinct().Take(10).ToList();

        Assert.True(slips.Count == 0, string.Join("\n", slips));
    }

    [Fact]
    public void Every_report_sentence_is_capitalised_and_ended()
    {
        var slips = Sentences()
            .Where(s => s.Text.Length == 0 || !(char.IsUpper(s.Text[0]) || char.IsDigit(s.Text[0])) || !s.Text.TrimEnd().EndsWith('.') && !s.Text.TrimEnd().EndsWith('?'))
            .Select(s => $"{s.Where}: {s.Text}").Distinct().Take(10).ToList();

        Assert.True(slips.Count == 0, string.Join("\n", slips));
    }

    [Fact]
    public void No_text_a_clinician_reads_names_a_field_by_its_JSON_path()
    {
        var slips = Texts(trace: true).Where(s => JsonPath().IsMatch(s.Text)).Select(s => $"{s.Where}: {s.Text}").Distinct().Take(10).ToList();

        Assert.True(slips.Count == 0, string.Join("\n", slips));
    }

    [GeneratedRegex(@"\b(tests|history|adverseEvents|medications|comorbidities|mutations|alterations)\[\d+\]|\$\.")]
    private static partial Regex JsonPath();

    [GeneratedRegex(@"\b([A-Za-z]{2,})\s+\1\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoubledWord();

    [GeneratedRegex(@"[^.;:()]*\bboth\b[^.;:()]*", RegexOptions.IgnoreCase)]
    private static partial Regex BothClause();
}
