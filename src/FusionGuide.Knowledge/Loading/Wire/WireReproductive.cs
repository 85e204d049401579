namespace FusionGuide.Knowledge.Loading.Wire;

/// <summary>A drug's pregnancy, lactation and reproductive-potential lines (<c>knowledge/reproductive/&lt;drug&gt;.json</c>).</summary>
internal sealed record ReproductiveFacts : WireFact
{
    public required string Drug { get; init; }
    public IReadOnlyList<ReproductiveFact> Facts { get => field ?? []; init; }
}

/// <summary>One line: its topic, whose label (region), the words.</summary>
internal sealed record ReproductiveFact : WireFact
{
    public required string Topic { get; init; }
    public required string Region { get; init; }
    public required string Text { get; init; }
}
