using System.Globalization;
using System.Net;
using System.Text;
using FusionGuide.Domain;

namespace FusionGuide.Cohort.Report;

/// <summary>What the report says about the run itself.</summary>
/// <param name="Source">The input's name as given.</param>
/// <param name="KnowledgeBaseVersion">Knowledge-base version the cohort was evaluated with.</param>
/// <param name="AsOf">Evaluation date (ISO).</param>
public sealed record ReportHeader(string Source, string KnowledgeBaseVersion, string AsOf);

/// <summary>
/// The cohort report: one self-contained HTML file, plots as inline SVG, no script and no external resource.
/// Deterministic: the same cohort gives the same bytes (no clock, counts ordered by count then name).
/// </summary>
public static class CohortReport
{
    /// <summary>Renders the report.</summary>
    public static string Render(CohortStats stats, ReportHeader header)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(header);
        var h = new StringBuilder(64 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>FusionGuide cohort report</title>\n<style>")
         .Append(Css).Append("</style>\n</head>\n<body>\n<main>\n<h1>FusionGuide cohort report</h1>\n");
        h.Append("<p class=\"meta\">Input <code>").Append(E(header.Source)).Append("</code> · knowledge base ").Append(E(header.KnowledgeBaseVersion))
         .Append(" · evaluated as of ").Append(E(header.AsOf)).Append("</p>\n");
        h.Append("<p>").Append(N(stats.Evaluated + stats.Rejected)).Append(" lines: ").Append(N(stats.Evaluated)).Append(" cases evaluated, ")
         .Append(N(stats.Rejected)).Append(" rejected. FusionGuide supports a clinician's decision; it does not replace it.</p>\n");

        Section(h, "drivers", "Drivers", stats.Drivers, stats.Evaluated, "cases");
        Section(h, "settings", "Settings", stats.Settings, stats.Evaluated, "cases");
        Section(h, "first-choices", "First choices", stats.FirstChoices, stats.Evaluated, "cases");
        Section(h, "avoid-reasons", "Avoid reasons", stats.AvoidReasons, stats.AvoidReasons.Total, "avoid reasons");
        Section(h, "avoided-therapies", "Therapies avoided", stats.Avoided, stats.Avoided.Total, "avoid items");
        Section(h, "warning-codes", "Warning codes", stats.WarningCodes, stats.Evaluated, "cases");
        ConcordanceSection(h, stats);
        RejectedSection(h, stats);
        h.Append("</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Section(StringBuilder h, string id, string title, Counter counter, long denominator, string unit)
    {
        h.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(E(title)).Append("</h2>\n");
        var rows = counter.Ranked();
        if (rows.Count == 0)
        {
            h.Append("<p>None.</p>\n</section>\n");
            return;
        }

        h.Append(SvgBars.Render(title, rows, denominator, unit));
        h.Append("</section>\n");
    }

    private static void ConcordanceSection(StringBuilder h, CohortStats s)
    {
        h.Append("<section id=\"concordance\">\n<h2>Guideline concordance</h2>\n");
        h.Append("<p class=\"def\">Assessed where a case carries <code>givenNext</code> (the therapy actually given next) and the engine offers at least one option. ")
         .Append("<b>Concordant</b>: given next is the engine's first choice or another option the guideline marks <i>preferred</i>. ")
         .Append("Otherwise non-concordant: a lower-preference option, a therapy the engine avoids, or one it does not offer.</p>\n");
        if (s.Assessable == 0)
        {
            h.Append("<p>No case carries <code>givenNext</code> with an option to compare (").Append(N(s.WithGivenNext)).Append(" carry <code>givenNext</code>).</p>\n</section>\n");
            return;
        }

        h.Append("<p>").Append(N(s.WithGivenNext)).Append(" cases carry <code>givenNext</code>; ").Append(N(s.Assessable)).Append(" can be assessed; ")
         .Append(N(s.Concordant)).Append(" concordant (").Append(Pct(s.Concordant, s.Assessable)).Append("), ")
         .Append(N(s.NonConcordantCount)).Append(" non-concordant.</p>\n");
        h.Append(SvgBars.Render("Therapy given next was", s.ConcordanceClasses.Ranked(), s.Assessable, "assessable cases"));
        h.Append("<table>\n<thead><tr><th>setting</th><th>assessable</th><th>concordant</th><th>rate</th></tr></thead>\n<tbody>\n");
        foreach (var setting in Codes.Setting.Values.Where(s.BySetting.ContainsKey))
        {
            var (a, c) = s.BySetting[setting];
            h.Append("<tr><td>").Append(E(Codes.Setting.Code(setting))).Append("</td><td>").Append(N(a)).Append("</td><td>").Append(N(c))
             .Append("</td><td>").Append(Pct(c, a)).Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n<h3>Non-concordant cases</h3>\n");
        if (s.NonConcordantCount == 0)
        {
            h.Append("<p>None.</p>\n</section>\n");
            return;
        }

        if (s.NonConcordantCount > s.NonConcordant.Count)
        {
            h.Append("<p>The first ").Append(N(s.NonConcordant.Count)).Append(" of ").Append(N(s.NonConcordantCount)).Append(", in input order.</p>\n");
        }

        h.Append("<table id=\"non-concordant\">\n<thead><tr><th>line</th><th>case</th><th>setting</th><th>given next</th><th>first choice</th><th>given next was</th></tr></thead>\n<tbody>\n");
        foreach (var c in s.NonConcordant)
        {
            h.Append("<tr><td>").Append(N(c.Line)).Append("</td><td>").Append(E(c.CaseId ?? "(no id)")).Append("</td><td>").Append(E(Codes.Setting.Code(c.Setting)))
             .Append("</td><td>").Append(E(Codes.Therapy.Code(c.GivenNext))).Append("</td><td>").Append(c.FirstChoice is { } f ? E(Codes.Therapy.Code(f)) : "—")
             .Append("</td><td>").Append(E(CohortStats.Label(c.Kind))).Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void RejectedSection(StringBuilder h, CohortStats s)
    {
        if (s.Rejected == 0)
        {
            return;
        }

        h.Append("<section id=\"rejected\">\n<h2>Rejected lines</h2>\n<p>").Append(N(s.Rejected)).Append(" lines were not valid cases; their problems are in the output file.</p>\n");
        h.Append("<table>\n<thead><tr><th>line</th><th>first problem</th></tr></thead>\n<tbody>\n");
        foreach (var (line, problem) in s.RejectedLines)
        {
            h.Append("<tr><td>").Append(N(line)).Append("</td><td>").Append(E(problem)).Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n</section>\n");
    }

    internal static string E(string s) => WebUtility.HtmlEncode(s);

    internal static string N(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Pct(long part, long whole) => whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private const string Css = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;background:#fff;margin:0}
        main{max-width:60rem;margin:0 auto;padding:1.5rem}
        h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
        .meta{color:#57606a}.def{background:#f6f8fa;padding:.6rem .8rem;border-left:3px solid #0969da}
        table{border-collapse:collapse;margin:.8rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
        th{background:#f6f8fa}svg{max-width:100%;height:auto}svg text{font:13px system-ui,sans-serif;fill:#1b1f24}
        svg rect.bar{fill:#0969da}code{font-size:.92em}
        """;
}
