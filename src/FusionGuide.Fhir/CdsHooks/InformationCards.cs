namespace FusionGuide.Fhir.CdsHooks;

/// <summary>
/// Keeps the informational cards of one answer to a site's maximum: beyond it, they are merged into one card that
/// leads with the first one's summary and holds each card's detail under its title (warnings and critical cards are
/// never merged — each is something to act on). A stable patient then gets one card per chart opening.
/// </summary>
internal static class InformationCards
{
    public static IReadOnlyList<CdsCard> AtMost(IReadOnlyList<CdsCard> cards, int max, CardKit kit)
    {
        var info = cards.Where(c => c.Indicator == "info").ToList();
        if (info.Count <= Math.Max(max, 1))
        {
            return cards;
        }

        // Merge the last ones so that the first max-1 informational cards stay as they are.
        var keep = info.Take(Math.Max(max, 1) - 1).ToList();
        var merged = info.Skip(keep.Count).ToList();
        var first = merged.FirstOrDefault(c => c.Source.Topic?.Code == "systemic-therapy") ?? merged[0];
        var detail = string.Join("\n\n", merged.Select(c => $"**{c.Source.Topic?.Display ?? "FusionGuide"}**: {c.Summary}\n\n{c.Detail}".TrimEnd()));
        var suggestions = merged.SelectMany(c => c.Suggestions ?? []).ToList();
        var one = first with
        {
            Uuid = kit.Uuid($"merged/{string.Join("+", merged.Select(c => c.Source.Topic?.Code))}"), Detail = detail,
            Suggestions = suggestions.Count > 0 ? suggestions : null, SelectionBehavior = suggestions.Count > 0 ? "at-most-one" : null,
        };
        return [.. cards.Where(c => c.Indicator != "info" || keep.Contains(c)), one];
    }
}
