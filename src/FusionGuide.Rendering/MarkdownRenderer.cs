using System.Globalization;
using System.Text;

namespace FusionGuide.Rendering;

/// <summary>Renders a <see cref="Result"/> as a Markdown report (CommonMark with GitHub tables).</summary>
/// <remarks>
/// Output is deterministic: the same result and reference list give the same text, with <c>\n</c> line
/// endings. Text from the result is escaped so that a case id or medication name cannot inject markup.
/// </remarks>
public static class MarkdownRenderer
{
    /// <summary>Renders the report.</summary>
    /// <param name="result">The engine's result.</param>
    /// <param name="refs">Citations for the References section; without it, only the ids are listed.</param>
    /// <param name="input">The case the result answers: when given, the report opens with "Patient and findings",
    /// the inputs restated in words, so that the printed report stands on its own.</param>
    public static string Render(Result result, ReferenceList? refs = null, Case? input = null)
    {
        var report = ReportBuilder.Build(result, refs, input);
        var md = new StringBuilder();
        Line(md, $"# {Escape(report.Title)}");
        Line(md);
        WriteFacts(md, report.Meta);
        foreach (var section in report.Sections)
        {
            Line(md, $"## {Escape(section.Title)}");
            Line(md);
            foreach (var block in section.Blocks)
            {
                WriteBlock(md, block, refs is not null);
            }
        }

        return md.ToString();
    }

    private static void WriteBlock(StringBuilder md, Block block, bool haveList)
    {
        switch (block)
        {
            case Facts f:
                WriteFacts(md, f.Items);
                break;
            case Table t:
                WriteTable(md, t);
                break;
            case ReferenceEntries r:
                WriteReferences(md, r, haveList);
                break;
        }
    }

    private static void WriteFacts(StringBuilder md, IReadOnlyList<Fact> facts)
    {
        foreach (var fact in facts)
        {
            Line(md, $"- **{Escape(fact.Label)}:** {Inline(fact.Value)}");
        }

        Line(md);
    }

    private static void WriteTable(StringBuilder md, Table table)
    {
        if (table.Title is not null)
        {
            Line(md, $"### {Escape(table.Title)}");
            Line(md);
        }

        if (table.Rows.Count == 0)
        {
            Line(md, Escape(table.EmptyText));
            Line(md);
            return;
        }

        Line(md, Row(table.Headers.Select(Escape)));
        Line(md, Row(table.Headers.Select(_ => "---")));
        foreach (var row in table.Rows)
        {
            Line(md, Row(row.Select(Inline)));
        }

        Line(md);
    }

    private static void WriteReferences(StringBuilder md, ReferenceEntries refs, bool haveList)
    {
        if (refs.Entries.Count == 0)
        {
            Line(md, "None.");
            Line(md);
            return;
        }

        for (var i = 0; i < refs.Entries.Count; i++)
        {
            var r = refs.Entries[i];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            // The id is shown only for a reference the list lacks: it is all that is known of it.
            var entry = r.Citation is null
                ? $"**{Escape(r.Id)}**{(haveList ? ": Not in the reference list." : "")}"
                : $"**{Escape(r.ShortName ?? r.Id)}.** {Escape(r.Citation)}{Url(r.Url)}";
            Line(md, $"{number}. {entry}");
        }

        Line(md);
    }

    private static string Url(string? url) =>
        UrlPolicy.IsLinkable(url) ? $" <{url}>" : string.IsNullOrWhiteSpace(url) ? "" : $" {Escape(url)}";

    private static string Row(IEnumerable<string> cells) => $"| {string.Join(" | ", cells)} |";

    private static string Inline(Cell cell)
    {
        var text = new StringBuilder();
        foreach (var inline in cell.Content)
        {
            text.Append(inline switch
            {
                TextRun t => Escape(t.Text),
                ReferenceLink r => Escape(r.Label),
                PreferenceBadge p => $"**{Escape(Labels.Of(p.Preference))}**",
                _ => "",
            });
        }

        return text.ToString();
    }

    // Backslash-escapes the punctuation that can start markup inline or in a table cell (block markup such
    // as '#' only counts at the start of a line, and every line here starts with the renderer's own prefix);
    // line breaks become spaces so one value never breaks a table row or list item.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '&')
            {
                escaped.Append('\\').Append(c);
            }
            else
            {
                escaped.Append(c is '\r' or '\n' ? ' ' : c);
            }
        }

        return escaped.ToString();
    }

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
