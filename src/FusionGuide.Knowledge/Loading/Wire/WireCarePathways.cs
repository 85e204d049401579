namespace FusionGuide.Knowledge.Loading.Wire;

/// <summary>
/// A care pathway of the brain plan (<c>knowledge/local/&lt;id&gt;.json</c>): the steps a clinician reads beside the
/// local therapies — surveillance when radiotherapy is deferred, the technique of whole-brain radiotherapy, the
/// leptomeningeal work-up, steroid guidance. The engine decides which pathway applies; the steps are data.
/// </summary>
internal sealed record CarePathway : WireFact
{
    public required string Pathway { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<CareStep> Steps { get => field ?? []; init; }
}

/// <summary>One step of a care pathway: what to do, and for a surveillance step how often (a monitoring row).</summary>
internal sealed record CareStep : WireFact
{
    public required string Text { get; init; }
    public string? Item { get; init; }
    public string? Schedule { get; init; }

    /// <summary>Which options the step speaks to (<c>targeted</c>, <c>chemotherapy</c>, <c>immunotherapy-or-vegf</c>), or null.</summary>
    public string? Option { get; init; }
}
