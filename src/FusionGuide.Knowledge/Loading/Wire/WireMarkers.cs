namespace FusionGuide.Knowledge.Loading.Wire;

/// <summary>
/// A typed marker on a resistance row (<c>"solventFront": { "sources": […], … }</c>): the row is its kinase's
/// solvent-front mutation, with the sources that say so. Engine code reads the marker, never a mutation name.
/// </summary>
internal sealed record SolventFrontMarker : WireSourced;
