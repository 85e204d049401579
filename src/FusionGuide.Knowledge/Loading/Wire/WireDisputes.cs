namespace FusionGuide.Knowledge.Loading.Wire;

// The optional "disputed" block of any fact, exactly as written (docs/knowledge-format.md, Disputed facts). Required
// members make a block without a summary or positions a load problem of its file; the validator checks the rest (KB020).

/// <summary>Sources that disagree about a fact.</summary>
internal sealed record Dispute
{
    public required string Summary { get; init; }
    public required IReadOnlyList<DisputePosition> Positions { get; init; }
}

/// <summary>One side of a dispute with its evidence.</summary>
internal sealed record DisputePosition
{
    public required string Value { get; init; }
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
}
