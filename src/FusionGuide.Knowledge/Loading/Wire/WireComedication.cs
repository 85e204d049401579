namespace FusionGuide.Knowledge.Loading.Wire;

/// <summary>
/// A common co-medication of patients with lung cancer (<c>interactions/comedications/&lt;id&gt;.json</c>): its group,
/// its own standing in the interaction classes (an empty list is a recorded "none of them", not an unknown), what its
/// own label says about a TKI of a given class, and the practical swap.
/// </summary>
internal sealed record Comedication : WireFact
{
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get => field ?? []; init; }
    public required string Group { get; init; }
    public required IReadOnlyList<string> Classes { get; init; }
    public IReadOnlyList<ComedicationRule> Rules { get => field ?? []; init; }
    public ComedicationSwap? Swap { get; init; }
}

/// <summary>The co-medication's own label about a drug of <see cref="TherapyClass"/> (lurasidone: strong CYP3A inhibitors contraindicated).</summary>
internal sealed record ComedicationRule : WireDatedFact
{
    public required string TherapyClass { get; init; }
    public required string Severity { get; init; }
    public required string Advice { get; init; }
}

/// <summary>The usual alternative(s) when the pair interacts through one of <see cref="Reasons"/>.</summary>
internal sealed record ComedicationSwap : WireFact
{
    public required IReadOnlyList<string> To { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
    public required string Text { get; init; }
}
