namespace FusionGuide.Rendering;

internal static partial class ReportBuilder
{
    private static Section Diagnosis(Diagnosis d, ReferenceLabels labels)
    {
        Fact[] facts =
        [
            new("Driver", Cell.Of(Labels.Of(d.Driver))),
            new("Fusion partner", Text(d.FusionPartner)),
            new("Fusion variant", Text(d.FusionVariant)),
        ];
        var genes = Table(
            "Genes",
            ["Gene", "Status"],
            OrderedGenes(d.Genes).Select(g => new[] { Cell.Of(g.Key), Cell.Of(Labels.Of(g.Value)) }));
        var next = Table(
            "Next tests",
            ["Gene", "Method", "Sample", "Reason", "References"],
            d.NextTests.Select(t => new[]
            {
                Cell.Of(t.Gene),
                Cell.Of(Labels.Of(t.Method)),
                Text(t.Sample is { } s ? Labels.Of(s) : null),
                Text(t.Reason),
                labels.Cite(t.References),
            }));
        return new Section("diagnosis", "Diagnosis", [new Facts(facts), genes, next, WarningTable("Diagnostic warnings", d.Warnings)]);
    }

    // The contract fixes the gene order; a dictionary's enumeration order is not a promise, so impose it.
    private static IEnumerable<KeyValuePair<string, GeneStatus>> OrderedGenes(IReadOnlyDictionary<string, GeneStatus> genes) =>
        genes
            .OrderBy(g => Codes.Gene.TryParse(g.Key, out var gene) ? (int)gene : int.MaxValue)
            .ThenBy(g => g.Key, StringComparer.Ordinal);

    private static Table WarningTable(string? title, IReadOnlyList<Warning> warnings) =>
        Table(title, ["Code", "Message"], warnings.Select(w => new[] { Cell.Of(w.Code), Text(w.Message) }));

    private static Section Warnings(IReadOnlyList<Warning> warnings) =>
        new("warnings", "Warnings", [WarningTable(null, warnings)]);

    private static Section Trace(IReadOnlyList<TraceEntry> trace, ReferenceLabels labels) =>
        new("trace", "Trace", [Table(
            null,
            ["#", "Rule", "Detail", "References"],
            trace.Select((t, i) => new[] { Number(i + 1), Cell.Of(t.Rule), Text(t.Detail), labels.Cite(t.References) }))]);
}
