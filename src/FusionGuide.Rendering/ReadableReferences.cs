namespace FusionGuide.Rendering;

/// <summary>
/// A reference list as a reader sees it: short names and citations without the curators' working notes, and one
/// entry for a work the knowledge base records twice.
/// </summary>
/// <remarks>
/// The knowledge base keeps curation history in its reference records (short names marked "(dup)" or ending in "?",
/// citations beginning "As printed in the review:" with the corrected citation after "Correct citation for that
/// volume/pages:"). Those notes matter to curators and are kept there; a printed report shows the citation a
/// clinician can look up. Internal ids ("seed-21") stay only in link targets, never in the text. These rules live
/// here only: the web page shows what <c>GET /v1/knowledge</c> sends, cleaned by them (<c>label</c>,
/// <c>readableCitation</c>, <c>listedAs</c>).
/// </remarks>
public static class ReadableReferences
{
    private const string AsPrinted = "As printed in the review:";
    private const string Corrected = "Correct citation for that volume/pages:";

    /// <summary>The short name without curation marks: "CROWN-5y (dup)" → "CROWN-5y", "Passiglia-2023-ESMO?" → "Passiglia-2023-ESMO".</summary>
    public static string Label(string shortName)
    {
        var label = shortName.Trim();
        if (label.EndsWith("(dup)", StringComparison.OrdinalIgnoreCase))
        {
            label = label[..^"(dup)".Length].TrimEnd();
        }

        return label.TrimEnd('?').TrimEnd();
    }

    /// <summary>The citation a reader can look up: the corrected one when the record gives it, never the curator's preface.</summary>
    public static string Citation(string citation)
    {
        var text = citation.Trim();
        var corrected = text.IndexOf(Corrected, StringComparison.OrdinalIgnoreCase);
        if (corrected >= 0)
        {
            return text[(corrected + Corrected.Length)..].Trim();
        }

        return text.StartsWith(AsPrinted, StringComparison.OrdinalIgnoreCase) ? text[AsPrinted.Length..].Trim() : text;
    }

    /// <summary>
    /// The id a citation links to: the first id (ordinal) whose record has the same readable
    /// short name, so a work recorded twice is listed once. The server sends it with each reference
    /// (<c>GET /v1/knowledge</c>, <c>listedAs</c>) so the web page lists works as the reports do.
    /// </summary>
    public static Func<string, string> Canonical(ReferenceList? refs)
    {
        if (refs is null)
        {
            return id => id;
        }

        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        // A record marked "(dup)" never wins over the one it duplicates.
        var ordered = refs.Entries
            .OrderBy(e => e.Value.ShortName.Contains("(dup)", StringComparison.OrdinalIgnoreCase))
            .ThenBy(e => e.Key, StringComparer.Ordinal);
        foreach (var (id, entry) in ordered)
        {
            first.TryAdd(Label(entry.ShortName), id);
        }

        return id => refs.TryGet(id, out var e) && first.TryGetValue(Label(e.ShortName), out var canonical) ? canonical : id;
    }
}
