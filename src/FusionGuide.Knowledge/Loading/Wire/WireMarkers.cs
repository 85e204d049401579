namespace FusionGuide.Knowledge.Loading.Wire;

/// <summary>
/// A typed marker on a resistance row (<c>"solventFront": { "sources": […], … }</c>): the row is its kinase's
/// solvent-front mutation, with the sources that say so. Engine code reads the marker, never a mutation name.
/// </summary>
internal sealed record SolventFrontMarker : WireSourced;

/// <summary>
/// The fusion partners of a panel gene whose detection by DNA NGS reliably predicts an expressed fusion
/// (<c>"canonicalPartners": { "partners": ["EML4"], "sources": […], … }</c>). A DNA-only result with any other partner is
/// confirmed at the RNA or protein level (rule DX-PARTNER-002). Engine code reads the list, never a partner name.
/// </summary>
internal sealed record CanonicalPartners : WireSourced
{
    public IReadOnlyList<string> Partners { get => field ?? []; init; }
}

/// <summary>
/// A typed marker on a resistance row (<c>"enrichedInVariant": { "variant": "v3", "sources": […], … }</c>): the mutation
/// is found more often at progression in tumours with this EML4-ALK fusion variant. The progression work-up names it
/// when the case reports that variant (rule DX-VAR-001).
/// </summary>
internal sealed record FusionVariantMarker : WireSourced
{
    public required string Variant { get; init; }
}
