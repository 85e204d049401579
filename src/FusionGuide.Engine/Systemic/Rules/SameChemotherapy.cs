using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-AVOID-003: after progression on a chemotherapy regimen, a regimen that gives the same cytotoxic drugs — with
/// bevacizumab or a PD-(L)1 inhibitor added, or carboplatin for cisplatin — is not a new line either (it would lead the
/// list after platinum + pemetrexed had failed). The regimens' components decide (<see cref="ChemoRegimen.CytotoxicBackbone"/>);
/// a regimen not given in the patient's histology is not compared (after a squamous transformation, chemo-immunotherapy
/// is KEYNOTE-407's carboplatin and taxane, not the coded pemetrexed regimen).
/// Sources: the rule catalogue.
/// </summary>
internal static class SameChemotherapy
{
    public const string Id = "SYS-AVOID-003";

    public static void RuleOut(PlanState p)
    {
        foreach (var failed in p.H.Failed)
        {
            if (p.E.Kb.Drug(failed.Therapy).Regimen is not { } given)
            {
                continue;
            }

            var same = p.E.Kb.Drugs.Where(d => d.Therapy != failed.Therapy && d.Regimen is { } r && Safety.ChemotherapyRegimens.NotGivenIn(p.E, r) is null && r.SameCytotoxicBackbone(given));
            foreach (var drug in same)
            {
                var added = drug.Regimen!.Components.Select(c => c.Agent).Where(a => !a.IsCytotoxic()).Except(given.Components.Select(c => c.Agent)).Select(a => a.Code()).ToList();
                var chemotherapy = $"the same chemotherapy ({Backbone(given)}) the disease progressed on as {p.Name(failed.Therapy)}{HistoryReader.Span(failed)}";
                var reason = added.Count > 0 ? $"adds {string.Join(" and ", added)} to {chemotherapy}" : $"gives {chemotherapy}";
                p.Avoid.Add(drug.Therapy, reason);
                p.E.Fire(Id, $"{p.Name(drug.Therapy)} {reason}: not offered as a new line.");
            }
        }
    }

    /// <summary>"pemetrexed with cisplatin or carboplatin".</summary>
    private static string Backbone(ChemoRegimen regimen) =>
        string.Join(" with ", regimen.CytotoxicBackbone().Select(slot => string.Join(" or ", regimen.Components.Where(c => slot.Contains(c.Agent)).Select(c => c.Agent.Code()))));
}
