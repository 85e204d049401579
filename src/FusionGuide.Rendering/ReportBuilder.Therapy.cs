using System.Globalization;

namespace FusionGuide.Rendering;

internal static partial class ReportBuilder
{
    private static Section Systemic(SystemicTherapy s, ReferenceLabels labels)
    {
        Fact[] facts =
        [
            new("Setting", Cell.Of(Labels.Of(s.Setting))),
            new("Line", s.Line is { } line ? Number(line) : Cell.Of("not applicable")),
        ];
        var options = Table(
            "Ranked options",
            ["#", "Therapy", "Preference", "Rationale", "References"],
            s.Options.Select((o, i) => new[]
            {
                Number(i + 1),
                Cell.Of(TherapyName(o)),
                PreferenceCell(o),
                Text(o.Rationale),
                labels.Cite(o.References),
            }));
        var avoid = Table(
            "Avoid",
            ["Therapy", "Reason", "References"],
            s.Avoid.Select(a => new[] { Cell.Of(Labels.Of(a.Therapy)), Text(a.Reason), labels.Cite(a.References) }));
        return new Section("systemic-therapy", "Systemic therapy", [new Facts(facts), options, avoid]);
    }

    /// <summary>The option's therapy; a combination names what it is given with and that it is off-label or a trial.</summary>
    private static string TherapyName(TherapyOption o) => o.Combination is not { } c
        ? Labels.Of(o.Therapy)
        : $"{Labels.Of(o.Therapy)} + {string.Join(" + ", c.With.Select(Labels.Of))} (continued) — {(c.Use == CombinationUse.Trial ? "in a clinical trial" : "off-label combination")}";

    private static Cell PreferenceCell(TherapyOption o) =>
        string.IsNullOrWhiteSpace(o.Category)
            ? new Cell([new PreferenceBadge(o.Preference)])
            : new Cell([new PreferenceBadge(o.Preference), new TextRun(string.Create(CultureInfo.InvariantCulture, $" (category {o.Category})"))]);

    private static Section Local(IReadOnlyList<LocalTherapyOption> local, IReadOnlyList<BrainPlanStep>? brainPlan, ReferenceLabels labels)
    {
        var procedures = Table(
            null,
            ["Therapy", "Indication", "Rationale", "References"],
            local.Select(l => new[]
            {
                Cell.Of(Labels.Of(l.Therapy)), Cell.Of(Labels.Of(l.Indication)), Text(l.Rationale), labels.Cite(l.References),
            }));
        if (brainPlan is not { Count: > 0 })
        {
            return new("local-therapy", "Local therapy", [procedures]);
        }

        // The brain plan sits with the procedures it accompanies (surveillance, technique, work-up, steroids).
        var plan = Table(
            "Brain plan",
            ["Topic", "Step", "References"],
            brainPlan.Select(b => new[]
            {
                Cell.Of(Labels.OfPathway(b.Pathway)), Text(b.Caveat is null ? b.Step : $"{b.Step} {b.Caveat}"), labels.Cite(b.References),
            }));
        return new("local-therapy", "Local therapy", [procedures, plan]);
    }

    /// <summary>
    /// The evidence behind the options, each trial or guideline once (issue #20 item 7): the rationales above say why
    /// each option fits the patient and leave the figures here.
    /// </summary>
    private static Section Evidence(IReadOnlyList<EvidenceEntry> evidence, ReferenceLabels labels) =>
        new("evidence", "Evidence", [Table(
            null,
            ["Source", "Applies to", "Figures", "Supports", "References"],
            evidence.Select(x => new[]
            {
                Cell.Of(x.Source),
                Text(x.AppliesTo),
                Joined(x.Figures, "; "),
                Cell.Of(string.Join(", ", x.Therapies.Select(Labels.Of))),
                labels.Cite(x.References),
            }))]);

    private static Section Dosing(IReadOnlyList<DosingRow> dosing, ReferenceLabels labels) =>
        new("dosing", "Dosing", [Table(
            null,
            ["Therapy", "Start", "Reductions", "Food", "Adjustments", "References"],
            dosing.Select(d => new[]
            {
                Cell.Of(Labels.Of(d.Therapy)),
                Text(StartText(d)),
                Joined(d.Reductions.Count == 0 ? null : d.Reductions, " → "),
                Text(d.Food),
                Joined(d.Adjustments is { Count: > 0 } a ? a : null, "; "),
                labels.Cite(d.References),
            }))]);

    /// <summary>
    /// The labels' pregnancy, breastfeeding and contraception lines of each drug, under their own heading rather than in
    /// the dosing table's adjustments (their sources are cited on the drug's dosing row).
    /// </summary>
    private static Section Reproductive(IReadOnlyList<DosingRow> dosing) =>
        new("reproductive", "Pregnancy, breastfeeding and contraception", [Table(
            null,
            ["Therapy", "What the label says"],
            dosing.SelectMany(d => (d.Reproductive ?? []).Select(line => new[] { Cell.Of(Labels.Of(d.Therapy)), Text(line) })))]);

    /// <summary>The start dose, then a regimen's maintenance and premedication (SAFE-DOSE-003), then the caveat.</summary>
    private static string StartText(DosingRow d)
    {
        var text = d.Start;
        if (d.Maintenance is { } m)
        {
            text += $". Maintenance: {m.TrimEnd('.')}";
        }

        if (d.Premedication is { Count: > 0 } pre)
        {
            text += $". Premedication: {string.Join("; ", pre.Select(x => x.TrimEnd('.')))}";
        }

        return d.Caveat is null ? text : $"{text}. {d.Caveat}";
    }
}
