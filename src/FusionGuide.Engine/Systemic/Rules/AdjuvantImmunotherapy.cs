using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-ADJ-002: in completely resected ALK- or ROS1-positive disease, adjuvant checkpoint-inhibitor monotherapy
/// (atezolizumab after IMpower010, pembrolizumab after PEARLS/KEYNOTE-091) is avoided, whatever the PD-L1: a high
/// PD-L1 in a fusion-driven tumour does not predict benefit, and ALINA's alectinib is the adjuvant option for ALK.
/// Sources: the rule catalogue (the trials and the immunotherapy record).
/// </summary>
internal static class AdjuvantImmunotherapy
{
    public const string Id = "SYS-ADJ-002";

    /// <param name="p">The plan.</param>
    /// <param name="adjuvantStage">False at a stage that gets no adjuvant systemic therapy (IA): the reason then names none.</param>
    public static void Avoid(PlanState p, bool adjuvantStage)
    {
        // Dated by its trials (SYS-DATE-001): before IMpower010 there was no adjuvant checkpoint inhibitor to avoid, and
        // a trial published later is not cited.
        var sources = p.E.Kb.Rule(Id)?.Provenance.Sources ?? [];
        var known = PublishedBy.Known(p.E, sources);
        if (known.Count == 0)
        {
            PublishedBy.Trace(p.E, [$"avoiding adjuvant checkpoint-inhibitor monotherapy in resected {p.KinaseCode}-positive NSCLC (its trials first published {PublishedBy.NotYet(p.E, sources)})"]);
            return;
        }

        var alectinib = p.Kinase == Gene.Alk && adjuvantStage ? AdjuvantAlectinib(p) : null;
        var high = p.Dx.Genes.GetValueOrDefault(Gene.PdL1, GeneStatus.NotTested) == GeneStatus.Positive ? " (the positive PD-L1 of this tumour does not change this)" : "";
        var instead = !adjuvantStage ? "at this stage no adjuvant systemic therapy is indicated"
            : alectinib is not null ? "adjuvant alectinib (ALINA) is the targeted option"
            : p.Kinase == Gene.Alk ? $"no guideline table in force on {p.E.AsOfText} lists an adjuvant ALK TKI, so adjuvant platinum-based chemotherapy follows the general guideline"
            : "no adjuvant TKI is established for ROS1; adjuvant platinum-based chemotherapy follows the general guideline";
        // The drugs are named once every trial is known (each trial tested one); before that the cited trial names it.
        var drugs = known.Count == sources.Count ? " (atezolizumab, pembrolizumab)" : "";
        var reason = $"adjuvant checkpoint-inhibitor monotherapy{drugs} is not recommended in resected {p.KinaseCode}-positive NSCLC whatever the PD-L1{high}: "
            + $"checkpoint inhibitors have little activity in fusion-driven NSCLC, and the adjuvant trials ({string.Join(", ", known.Select(p.E.Cite))}) give no evidence of benefit for these patients; {instead}";
        List<string> cited = [.. known, .. alectinib?.Provenance.Sources ?? []];
        p.Avoid.Add(Therapy.ImmunotherapyMonotherapy, reason, cited);
        p.E.Fire(Id, $"Adjuvant immunotherapy avoided in resected {p.KinaseCode}-positive NSCLC: {reason}.", cited);
    }

    /// <summary>The adjuvant table's alectinib entry in force on the date (from its approval on), else null.</summary>
    private static RegimenEntry? AdjuvantAlectinib(PlanState p) =>
        GuidelineTable.InForce(p, RegimenSetting.Adjuvant, null)?.Entries.FirstOrDefault(x => x.Therapy == Therapy.Alectinib);
}
