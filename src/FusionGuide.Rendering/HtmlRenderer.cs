using System.Net;
using System.Text;

namespace FusionGuide.Rendering;

/// <summary>Renders a <see cref="Result"/> as one self-contained, printable HTML5 document.</summary>
/// <remarks>
/// Inline CSS only: no scripts and no external resources, so the file can be archived or e-mailed and
/// prints as it looks. Every text from the result is HTML-encoded. Each cited reference links to its
/// entry (<c>id="ref-&lt;id&gt;"</c>) in the References list. Output is deterministic, with <c>\n</c> line endings.
/// </remarks>
public static class HtmlRenderer
{
    /// <summary>
    /// The text of the report's one <c>style</c> element, exactly as written: a server that sends the report under a
    /// Content-Security-Policy allows it by its hash (<c>style-src 'sha256-…'</c>) rather than <c>'unsafe-inline'</c>.
    /// </summary>
    public static string InlineStyle { get; } = "\n" + HtmlStyles.Css;

    /// <summary>Renders the report.</summary>
    /// <param name="result">The engine's result.</param>
    /// <param name="refs">Citations for the References list; without it, entries show only the id.</param>
    /// <param name="input">The case the result answers: when given, the report opens with "Patient and findings",
    /// the inputs restated in words, so that the printed report stands on its own.</param>
    public static string Render(Result result, ReferenceList? refs = null, Case? input = null)
    {
        var report = ReportBuilder.Build(result, refs, input);
        var html = new StringBuilder();
        Line(html, "<!DOCTYPE html>");
        Line(html, "<html lang=\"en\">");
        Line(html, "<head>");
        Line(html, "<meta charset=\"utf-8\">");
        Line(html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Line(html, $"<title>{DocumentTitle(report.Title)}</title>");
        Line(html, $"<style>{InlineStyle}</style>");
        Line(html, "</head>");
        Line(html, "<body>");
        Line(html, "<header>");
        Line(html, $"<h1>{E(report.Title)}</h1>");
        WriteFacts(html, report.Meta, "meta");
        Line(html, "</header>");
        Line(html, "<main>");
        foreach (var section in report.Sections)
        {
            WriteSection(html, section, refs is not null);
        }

        Line(html, "</main>");
        Line(html, "</body>");
        Line(html, "</html>");
        return html.ToString();
    }

    private static void WriteSection(StringBuilder html, Section section, bool haveList)
    {
        var heading = $"{section.Id}-title";
        Line(html, $"<section id=\"{E(section.Id)}\" aria-labelledby=\"{E(heading)}\">");
        Line(html, $"<h2 id=\"{E(heading)}\">{E(section.Title)}</h2>");
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case Facts f:
                    WriteFacts(html, f.Items, "facts");
                    break;
                case Table t:
                    WriteTable(html, t);
                    break;
                case ReferenceEntries r:
                    HtmlReferences.Write(html, r, haveList);
                    break;
            }
        }

        Line(html, "</section>");
    }

    private static void WriteFacts(StringBuilder html, IReadOnlyList<Fact> facts, string cssClass)
    {
        Line(html, $"<dl class=\"{cssClass}\">");
        foreach (var fact in facts)
        {
            Line(html, $"<dt>{E(fact.Label)}</dt><dd>{Inline(fact.Value)}</dd>");
        }

        Line(html, "</dl>");
    }

    private static void WriteTable(StringBuilder html, Table table)
    {
        if (table.Title is not null)
        {
            Line(html, $"<h3>{E(table.Title)}</h3>");
        }

        if (table.Rows.Count == 0)
        {
            Line(html, $"<p class=\"none\">{E(table.EmptyText)}</p>");
            return;
        }

        Line(html, "<table>");
        Line(html, "<thead>");
        Line(html, $"<tr>{string.Concat(table.Headers.Select(h => $"<th scope=\"col\">{E(h)}</th>"))}</tr>");
        Line(html, "</thead>");
        Line(html, "<tbody>");
        foreach (var row in table.Rows)
        {
            Line(html, $"<tr>{string.Concat(row.Select(c => $"<td>{Inline(c)}</td>"))}</tr>");
        }

        Line(html, "</tbody>");
        Line(html, "</table>");
    }

    private static string Inline(Cell cell) =>
        string.Concat(cell.Content.Select(inline => inline switch
        {
            TextRun t => E(t.Text),
            ReferenceLink r => $"<a class=\"cite\" href=\"#{E(Anchor(r.Id))}\">{E(r.Label)}</a>",
            PreferenceBadge p => Badge(p.Preference),
            _ => "",
        }));

    // The label is the badge's content, so the preference reads the same without colour (print, screen readers).
    private static string Badge(Preference preference) =>
        $"<span class=\"badge badge-{Codes.Preference.Code(preference)}\">{E(Labels.Of(preference))}</span>";

    // Case ids may run to 200 characters; a browser tab or print header shows about 70, so the
    // <title> is shortened (the <h1> keeps the full text). Measured encoded, as checkers count it.
    internal static string DocumentTitle(string title)
    {
        const int MaxLength = 70;
        var cut = title.Length;
        while (E(title[..cut]).Length > MaxLength || (cut < title.Length && E(title[..cut] + "…").Length > MaxLength))
        {
            cut--;
            if (cut > 0 && char.IsHighSurrogate(title[cut - 1]))
            {
                cut--;
            }
        }

        return cut == title.Length ? E(title) : E(title[..cut] + "…");
    }

    /// <summary>The fragment id of a reference's entry: <c>ref-</c> and the id, made safe for an id attribute.</summary>
    internal static string Anchor(string id) =>
        "ref-" + string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    internal static string E(string text) => WebUtility.HtmlEncode(text);

    internal static void Line(StringBuilder html, string text) => html.Append(text).Append('\n');
}
