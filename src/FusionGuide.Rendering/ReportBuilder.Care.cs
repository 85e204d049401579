namespace FusionGuide.Rendering;

internal static partial class ReportBuilder
{
    private static Section Toxicity(IReadOnlyList<ToxicityRow> rows, ReferenceLabels labels) =>
        new("toxicity-management", "Toxicity management", [Table(
            null,
            ["Therapy", "Event", "Grade", "Action", "Dose", "Supportive care", "Label rule", "References"],
            rows.Select(t => new[]
            {
                Cell.Of(Labels.Of(t.Therapy)),
                Cell.Of(Labels.Of(t.Event)),
                Number(t.Grade),
                Cell.Of(Labels.Of(t.Action)),
                Text(t.Dose ?? (t.Action == ToxicityAction.Discontinue ? "stopped" : null)),
                Joined(t.Supportive.Count == 0 ? null : t.Supportive, "; "),
                Text(t.Caveat is null ? t.Rule : $"{t.Rule} {t.Caveat}"),
                labels.Cite(t.References),
            }))]);

    private static Section Monitoring(IReadOnlyList<MonitoringRow> rows, ReferenceLabels labels) =>
        new("monitoring", "Monitoring", [Table(
            null,
            ["Therapy", "Item", "Schedule", "References"],
            rows.Select(m => new[] { Cell.Of(Labels.Of(m.Therapy)), Text(m.Item), Text(m.Schedule), labels.Cite(m.References) }))]);

    private static Section Interactions(IReadOnlyList<InteractionRow> rows, ReferenceLabels labels) =>
        new("interactions", "Interactions", [Table(
            null,
            ["Therapy", "With", "Severity", "Mechanism", "Advice", "References"],
            rows.Select(r => new[]
            {
                Cell.Of(Labels.Of(r.Therapy)),
                Text(r.With),
                Cell.Of(Labels.Of(r.Severity)),
                Text(r.Mechanism),
                Text(r.Advice),
                labels.Cite(r.References),
            }))]);
}
