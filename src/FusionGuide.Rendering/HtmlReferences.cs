using System.Text;
using static FusionGuide.Rendering.HtmlRenderer;

namespace FusionGuide.Rendering;

/// <summary>Writes the References list: the targets of every citation link in the body.</summary>
internal static class HtmlReferences
{
    public static void Write(StringBuilder html, ReferenceEntries refs, bool haveList)
    {
        if (refs.Entries.Count == 0)
        {
            Line(html, "<p class=\"none\">None.</p>");
            return;
        }

        Line(html, "<ol class=\"references\">");
        foreach (var r in refs.Entries)
        {
            Line(html, $"<li id=\"{E(Anchor(r.Id))}\">{Details(r, haveList)}</li>");
        }

        Line(html, "</ol>");
    }

    // A reference the list has reads as a citation (short name, then authors, title, journal and year as the
    // knowledge base records them, then the link); only one the list lacks shows its id, the one thing known of it.
    private static string Details(CitedReference r, bool haveList)
    {
        if (r.Citation is null)
        {
            return $"<span class=\"ref-id\">{E(r.Id)}</span>" + (haveList ? " <span class=\"missing\">Not in the reference list.</span>" : "");
        }

        var name = r.ShortName is null ? "" : $"<cite>{E(r.ShortName)}</cite>. ";
        return $"{name}{E(r.Citation)}{Url(r.Url)}";
    }

    private static string Url(string? url) =>
        UrlPolicy.IsLinkable(url) ? $" <a href=\"{E(url!)}\">{E(url!)}</a>"
        : string.IsNullOrWhiteSpace(url) ? ""
        : $" {E(url)}";
}
