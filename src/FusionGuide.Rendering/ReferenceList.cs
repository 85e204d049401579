namespace FusionGuide.Rendering;

/// <summary>
/// The citations a report may show, keyed by reference id. The caller builds it (typically from the
/// knowledge base's reference list) so that rendering does not depend on the knowledge project.
/// </summary>
/// <param name="Entries">Reference id → short display name, full citation and an optional URL.</param>
public sealed record ReferenceList(IReadOnlyDictionary<string, (string ShortName, string Citation, string? Url)> Entries)
{
    /// <summary>Reference id → short display name, full citation and an optional URL.</summary>
    public IReadOnlyDictionary<string, (string ShortName, string Citation, string? Url)> Entries { get; } =
        Entries ?? throw new ArgumentNullException(nameof(Entries));

    /// <summary>Looks up one reference by id (ordinal, case-sensitive as the knowledge base writes ids).</summary>
    public bool TryGet(string id, out (string ShortName, string Citation, string? Url) entry) =>
        Entries.TryGetValue(id, out entry);
}
