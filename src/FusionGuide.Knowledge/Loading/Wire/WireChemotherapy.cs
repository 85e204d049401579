namespace FusionGuide.Knowledge.Loading.Wire;

// A drug record's `regimen` block and a resistance mechanism's `combinations`, exactly as written
// (docs/knowledge-format.md, "Chemotherapy regimens" and "resistance/off-target").

internal sealed record ChemoRegimen : WireFact
{
    public IReadOnlyList<RegimenComponent> Components { get => field ?? []; init; }
    public required int CycleDays { get; init; }
    public required string Induction { get; init; }
    public RegimenStep? Maintenance { get; init; }
    public IReadOnlyList<RegimenStep> Premedication { get => field ?? []; init; }
    public IReadOnlyList<string> NotIn { get => field ?? []; init; }
    public RegimenStep? Instead { get; init; }
}

internal sealed record RegimenComponent : WireFact
{
    public required string Agent { get; init; }
    public required string Dose { get; init; }
    public required string Route { get; init; }
    public required string Days { get; init; }
    public string? AlternativeTo { get; init; }
}

internal sealed record RegimenStep : WireFact
{
    public required string Text { get; init; }
}

internal sealed record MechanismCombination : WireFact
{
    public required string Therapy { get; init; }
    public required string Use { get; init; }
    public required string Rationale { get; init; }
}
