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
    // Written as a list since release 2026.12.23; an older release's single step is read as a list of one.
    [System.Text.Json.Serialization.JsonConverter(typeof(OneOrManyStepsConverter))]
    public IReadOnlyList<RegimenStep> Instead { get => field ?? []; init; }

    /// <summary>
    /// The instead steps with their histology: a release before 2026.12.23 wrote one step, without a histology, for the
    /// one histology of its notIn.
    /// </summary>
    public IReadOnlyList<RegimenStep> InsteadSteps() =>
        Instead is [{ Histology: null } only] && NotIn is [var h] ? [only with { Histology = h }] : Instead;
}

/// <summary>Reads a regimen's <c>instead</c>: a list of steps, or (an older release) one step.</summary>
internal sealed class OneOrManyStepsConverter : System.Text.Json.Serialization.JsonConverter<IReadOnlyList<RegimenStep>>
{
    public override IReadOnlyList<RegimenStep> Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        var step = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<RegimenStep>)options.GetTypeInfo(typeof(RegimenStep));
        if (reader.TokenType != System.Text.Json.JsonTokenType.StartArray)
        {
            return [System.Text.Json.JsonSerializer.Deserialize(ref reader, step)!];
        }

        var steps = new List<RegimenStep>();
        while (reader.Read() && reader.TokenType != System.Text.Json.JsonTokenType.EndArray)
        {
            steps.Add(System.Text.Json.JsonSerializer.Deserialize(ref reader, step)!);
        }

        return steps;
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, IReadOnlyList<RegimenStep> value, System.Text.Json.JsonSerializerOptions options)
    {
        var step = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<RegimenStep>)options.GetTypeInfo(typeof(RegimenStep));
        writer.WriteStartArray();
        foreach (var s in value)
        {
            System.Text.Json.JsonSerializer.Serialize(writer, s, step);
        }

        writer.WriteEndArray();
    }
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

    // Only on an `instead` step: the histology it is written for, and the therapy whose chemotherapy it gives.
    public string? Histology { get; init; }
    public string? SameChemotherapyAs { get; init; }
}

internal sealed record MechanismCombination : WireFact
{
    public required string Therapy { get; init; }
    public required string Use { get; init; }
    public required string Rationale { get; init; }
}
