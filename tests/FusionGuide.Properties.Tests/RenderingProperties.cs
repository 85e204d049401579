using System.Text.RegularExpressions;
using CsCheck;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Domain;
using FusionGuide.Rendering;
using FusionGuide.Testing;

namespace FusionGuide.Properties.Tests;

/// <summary>
/// Both renderings (HTML and Markdown) of results of generated cases, with markup planted in the case id and in a
/// medication name: every rendering completes, keeps every section, names every option and every avoided therapy,
/// lists every cited reference, and lets no planted markup through.
/// </summary>
public sealed partial class RenderingProperties
{
    /// <summary>Generated cases per run (each rendered twice in both formats).</summary>
    public const int RenderedCases = 1_000;

    private static readonly string[] SectionTitles =
    [
        "Diagnosis", "Systemic therapy", "Local therapy", "Dosing", "Toxicity management",
        "Monitoring", "Interactions", "Warnings", "Trace", "References",
    ];

    private static readonly string[] Planted =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "</td></tr></table><script>x</script>",
    ];

    private static readonly ReferenceList References = KnowledgeReferences.From(World.Kb);

    [Fact]
    public void Every_result_renders_completely_in_both_formats_and_lets_no_planted_markup_through()
    {
        long cases = 0;
        Gen.Select(Gen.ULong[0, 1_000_000], Gen.Long[0, 1_000_000], Gen.Int[0, 1000])
            .Sample(
                (seed, index, pick) =>
                {
                    Interlocked.Increment(ref cases);
                    var planted = Planted[pick % Planted.Length];
                    var c = new CaseSynthesizer(World.Kb, seed).Make(index) with { Id = $"case {planted}" };
                    var (read, notices) = World.RoundTrip(Edit.AddMedication(c, $"drug {planted}"));
                    var (result, _) = World.Evaluate(read, notices);
                    Hold(result, "html", HtmlRenderer.Render(result, References), HtmlRenderer.Render(result, References));
                    Hold(result, "markdown", MarkdownRenderer.Render(result, References), MarkdownRenderer.Render(result, References));
                },
                iter: RenderedCases,
                print: t => $"seed {t.Item1}, index {t.Item2}, planted {Planted[t.Item3 % Planted.Length]}");
        CaseCount.Report(nameof(Every_result_renders_completely_in_both_formats_and_lets_no_planted_markup_through), cases, RenderedCases);
    }

    private static void Hold(Result result, string format, string text, string again)
    {
        Invariants.Check(text == again, $"{format}: rendering the same result twice gave different text");
        Invariants.Check(!text.Contains('\r', StringComparison.Ordinal) && text.EndsWith('\n'), $"{format}: not LF-terminated lines");
        foreach (var title in SectionTitles)
        {
            Invariants.Check(text.Contains(title, StringComparison.Ordinal), $"{format}: the '{title}' section is missing");
        }

        foreach (var therapy in result.SystemicTherapy.Options.Select(o => o.Therapy).Concat(result.SystemicTherapy.Avoid.Select(a => a.Therapy)))
        {
            // Reports name a therapy in a clinician's words (issue #23: "immunotherapy alone", not its code).
            Invariants.Check(text.Contains(FusionGuide.Rendering.Labels.Of(therapy), StringComparison.Ordinal), $"{format}: {Codes.Therapy.Code(therapy)} is offered or avoided but not shown");
        }

        var bibliography = text[text.LastIndexOf("References", StringComparison.Ordinal)..];
        // The reference list shows citations, not knowledge ids (issue #23): each cited reference must be there by its
        // readable label or, when a work recorded twice is listed once, by its citation.
        var missing = ResultCitations.CitedIds(result).Where(id => !Listed(bibliography, id)).ToList();
        Invariants.Check(missing.Count == 0, $"{format}: cited but not in the reference list: {string.Join(", ", missing)}");

        // Planted text may appear only escaped: no tag, event handler or script link it carries may survive as markup.
        if (format == "html")
        {
            Invariants.Check(!text.Contains("<script", StringComparison.OrdinalIgnoreCase), "html: a <script> tag came through");
            Invariants.Check(!text.Contains("<img", StringComparison.OrdinalIgnoreCase), "html: an <img> tag came through");
            Invariants.Check(!text.Contains("href=\"javascript", StringComparison.OrdinalIgnoreCase), "html: a javascript: link came through");
        }
        else
        {
            // Markdown escapes with a backslash ("\<script\>", "\[click\](…)"), which CommonMark shows as the literal text.
            Invariants.Check(!RawTag().IsMatch(text), $"markdown: raw markup came through: {RawTag().Match(text).Value}");
            Invariants.Check(!RawScriptLink().IsMatch(text), "markdown: a javascript: link came through");
        }
    }

    [GeneratedRegex(@"(?<!\\)<(?!https?://)[A-Za-z/]")]
    private static partial Regex RawTag();

    [GeneratedRegex(@"(?<!\\)\]\(javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex RawScriptLink();

    private static bool Listed(string bibliography, string id)
    {
        if (!References.TryGet(id, out var entry))
        {
            return bibliography.Contains(id, StringComparison.Ordinal);
        }

        var citation = ReadableReferences.Citation(entry.Citation);
        return bibliography.Contains(ReadableReferences.Label(entry.ShortName), StringComparison.Ordinal)
            || bibliography.Contains(citation[..Math.Min(20, citation.Length)], StringComparison.Ordinal);
    }
}
