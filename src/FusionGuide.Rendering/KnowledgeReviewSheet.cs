using System.Net;
using System.Text;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Audit;

namespace FusionGuide.Rendering;

/// <summary>
/// The knowledge review sheet: one self-contained HTML page, grouped by drug (then by topic), listing every fact with
/// its value, its status and the evidence a reviewer follows, with a column to sign each fact off. No script.
/// </summary>
public static class KnowledgeReviewSheet
{
    /// <summary>Writes the sheet for an audit.</summary>
    public static string Html(KnowledgeAudit audit, KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(kb);
        var sb = new StringBuilder();
        const string SheetCss = """
            td.status-unverified { background: #fbe3e3; } td.status-secondary { background: #fdf1d6; } td.status-verified { background: #e3f4e5; }
            td.sign { min-width: 9rem; }
            tr.disputed > td { background: #f3ecfb; } table.positions td { vertical-align: top; width: 50%; }
            """;
        var t = audit.Total;
        sb.Append($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>FusionGuide knowledge review sheet {E(audit.Version)}</title>\n");
        sb.Append($"<style>{HtmlStyles.Css}{SheetCss}</style></head><body>\n");
        sb.Append($"<h1>Knowledge review sheet — knowledge base {E(audit.Version)} (released {E(audit.ReleaseDate)})</h1>\n");
        sb.Append($"<p>{t.Facts} facts: {t.Verified} verified in a primary source, {t.Secondary} verified in two secondary sources, {t.Unverified} unverified ({t.UnverifiedShare:P1}); {t.Disputed} disputed (sources disagree: both sides are shown under the fact). Each fact shows where it was read; sign it off once you have followed its evidence.</p>\n");
        sb.Append("<table><thead><tr><th>Folder</th><th>Facts</th><th>Verified</th><th>Secondary</th><th>Unverified</th><th>Disputed</th></tr></thead><tbody>\n");
        foreach (var (folder, c) in audit.ByFolder)
        {
            sb.Append($"<tr><td>{E(folder)}</td><td>{c.Facts}</td><td>{c.Verified}</td><td>{c.Secondary}</td><td>{c.Unverified}</td><td>{c.Disputed}</td></tr>\n");
        }

        sb.Append("</tbody></table>\n");
        foreach (var group in audit.Facts.GroupBy(f => f.Subject).OrderBy(g => GroupOrder(g.Key, kb)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append($"<h2 id=\"{E(group.Key)}\">{E(Title(group.Key, kb))}</h2>\n");
            sb.Append("<table><thead><tr><th>Fact</th><th>Value</th><th>Status</th><th>Evidence</th><th>Reviewed by, date</th></tr></thead><tbody>\n");
            foreach (var f in group)
            {
                var status = f.Status.ToString().ToLowerInvariant();
                sb.Append($"<tr><td>{E(f.Kind)}<br><span class=\"ref-id\">{E(f.Id)}</span></td><td>{E(f.Value)}</td><td class=\"status-{status}\">{status}{(f.Note is { } n ? $"<br><small>{E(n)}</small>" : "")}</td><td>{Evidence(f)}</td><td class=\"sign\"></td></tr>\n");
                sb.Append(Dispute(f));
            }

            sb.Append("</tbody></table>\n");
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static string Evidence(KnowledgeFact f) => Evidence(f.Evidence);

    // A disputed fact: a row under it with each side's value and evidence in its own column, so a reviewer compares
    // them side by side and follows both links.
    private static string Dispute(KnowledgeFact f)
    {
        if (f.Dispute is not { } d)
        {
            return "";
        }

        var sides = d.Positions.Select((p, i) => $"<td><strong>Position {i + 1}:</strong> {E(p.Value)}{Evidence(p.Evidence)}</td>");
        return $"<tr class=\"disputed\"><td colspan=\"5\"><strong>Sources disagree:</strong> {E(d.Summary)}<table class=\"positions\"><tr>{string.Concat(sides)}</tr></table></td></tr>\n";
    }

    private static string Evidence(IReadOnlyList<Knowledge.Model.Evidence> evidence)
    {
        if (evidence.Count == 0)
        {
            return "<span class=\"missing\">none recorded</span>";
        }

        var items = evidence.Select(ev =>
        {
            var where = UrlPolicy.IsLinkable(ev.Url) ? $"<a href=\"{E(ev.Url)}\">{E(ev.Locator)}</a>" : E(ev.Locator);
            return $"<li><span class=\"ref-id\">{E(ev.Reference)}</span>{where} ({E(Knowledge.Loading.KnowledgeDate.Format(ev.Retrieved))}): {E(ev.Says)}</li>";
        });
        return $"<ul>{string.Concat(items)}</ul>";
    }

    // Drugs first (targeted, then others), then the topics (classes, genes, settings, thresholds, references).
    private static int GroupOrder(string subject, KnowledgeBase kb) =>
        kb.Drugs.FirstOrDefault(d => d.Id == subject) is { } d ? (d.IsTargeted ? 0 : 1)
        : subject == "references" ? 3 : 2;

    private static string Title(string subject, KnowledgeBase kb) =>
        kb.Drugs.FirstOrDefault(d => d.Id == subject)?.Name ?? subject;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
