using FusionGuide.Domain;
using FusionGuide.Engine.Safety;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-AVOID-003: after progression on a chemotherapy regimen, a regimen that gives the same cytotoxic drugs — with
/// bevacizumab or a PD-(L)1 inhibitor added, or carboplatin for cisplatin — is not a new line either (it would lead the
/// list after platinum + pemetrexed had failed). The regimens' components decide (<see cref="ChemoRegimen.CytotoxicBackbone"/>),
/// read in the patient's histology: a regimen not given in it gives what the knowledge base says is given instead
/// (in small-cell lung cancer, chemo-immunotherapy is platinum-etoposide with a PD-L1 inhibitor, so either one failing
/// rules out the other), or is not compared when nothing coded is (after a squamous transformation, chemo-immunotherapy is
/// KEYNOTE-407's carboplatin and taxane, not the coded pemetrexed regimen).
/// Sources: the rule catalogue.
/// </summary>
internal static class SameChemotherapy
{
    public const string Id = "SYS-AVOID-003";

    public static void RuleOut(PlanState p)
    {
        foreach (var failed in p.H.Failed)
        {
            if (Given(p, failed) is not { } given)
            {
                continue;
            }

            // A regimen read through the histology's "instead" step (small-cell chemo-immunotherapy as platinum-etoposide)
            // is not compared with a failed line that a targeted therapy followed: the small-cell disease then relapsed long
            // after it (platinum-sensitive: re-challenge is possible) — probe S23D: chemo-immunotherapy, then three years of
            // alectinib, had left no option at all.
            var mapped = ChemotherapyRegimens.InsteadIn(p.E, p.E.Kb.Drug(failed.Therapy).Regimen!) is not null;
            var tkiSince = p.E.Case.History.SkipWhile(h => !ReferenceEquals(h, failed)).Skip(1).Any(h => p.E.Kb.Drug(h.Therapy).IsTargeted);
            var same = p.E.Kb.Drugs.Where(d => d.Therapy != failed.Therapy && d.Regimen is { } r && InHistology(p, r) is { } mine && mine.SameCytotoxicBackbone(given)
                && !((mapped || ChemotherapyRegimens.InsteadIn(p.E, r) is not null) && tkiSince));
            foreach (var drug in same)
            {
                var regimen = InHistology(p, drug.Regimen!)!;
                var instead = ChemotherapyRegimens.InsteadIn(p.E, drug.Regimen!) is not null ? $" in {p.E.HistologyWords}" : "";
                var added = regimen.Components.Select(c => c.Agent).Where(a => !a.IsCytotoxic()).Except(given.Components.Select(c => c.Agent)).Select(a => a.Code()).ToList();
                var chemotherapy = $"the same chemotherapy ({Backbone(given)}) the disease progressed on as {p.Name(failed.Therapy)}{HistoryReader.Span(failed)}";
                var reason = added.Count > 0 ? $"adds {string.Join(" and ", added)} to {chemotherapy}" : $"gives{instead} {chemotherapy}";
                p.Avoid.Add(drug.Therapy, reason);
                p.E.Fire(Id, $"{p.Name(drug.Therapy)} {reason}: not offered as a new line.");
            }
        }
    }

    /// <summary>
    /// The regimen as given in the patient's histology: the coded one, or the regimen whose chemotherapy the step given
    /// instead shares (small-cell chemo-immunotherapy: platinum-etoposide's); null when the histology's regimen is not coded.
    /// </summary>
    private static ChemoRegimen? InHistology(PlanState p, ChemoRegimen regimen) =>
        ChemotherapyRegimens.InsteadIn(p.E, regimen) is { } instead
            ? instead.SameChemotherapyAs is { } same ? p.E.Kb.Drug(same).Regimen : null
            : regimen;

    /// <summary>
    /// The chemotherapy a failed line gave. In a tumour that transformed, the case does not say when the transformation
    /// was found, so a line of a regimen read differently in the new histology (chemo-immunotherapy: pemetrexed before,
    /// etoposide after) is read as the coded regimen, and a warning says what follows if it was the other one (probe
    /// S23D: chemo-immunotherapy started for presumed adenocarcinoma progression, the biopsy showing small cells later).
    /// </summary>
    private static ChemoRegimen? Given(PlanState p, HistoryEntry failed)
    {
        if (p.E.Kb.Drug(failed.Therapy).Regimen is not { } regimen)
        {
            return null;
        }

        if (p.E.Transformed is { } t && ChemotherapyRegimens.InsteadIn(p.E, regimen) is { SameChemotherapyAs: { } other })
        {
            var assumption = $"{p.Name(failed.Therapy)}{HistoryReader.Span(failed)} is read as its coded regimen ({Backbone(regimen)}): the case does not say whether it was given after the {Codes.Transformation.Code(t)} transformation was found; if it was the regimen given instead there ({Backbone(p.E.Kb.Drug(other).Regimen!)}), {p.Name(other)} is not a new line";
            p.E.Warn(WarningCodes.HistologicTransformation, assumption);
            p.E.Fire(Id, $"{assumption}.");
            return regimen;
        }

        return InHistology(p, regimen);
    }

    /// <summary>"pemetrexed with cisplatin or carboplatin".</summary>
    private static string Backbone(ChemoRegimen regimen) =>
        string.Join(" with ", regimen.CytotoxicBackbone().Select(slot => string.Join(" or ", regimen.Components.Where(c => slot.Contains(c.Agent)).Select(c => c.Agent.Code()))));
}
