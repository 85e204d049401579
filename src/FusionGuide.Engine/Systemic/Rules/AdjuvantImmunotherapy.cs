using FusionGuide.Domain;

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
        var high = p.Dx.Genes.GetValueOrDefault(Gene.PdL1, GeneStatus.NotTested) == GeneStatus.Positive ? " (the positive PD-L1 of this tumour does not change this)" : "";
        var instead = !adjuvantStage ? "at this stage no adjuvant systemic therapy is indicated"
            : p.Kinase == Gene.Alk ? "adjuvant alectinib (ALINA) is the targeted option"
            : "no adjuvant TKI is established for ROS1; adjuvant platinum-based chemotherapy follows the general guideline";
        var reason = $"adjuvant checkpoint-inhibitor monotherapy (atezolizumab, pembrolizumab) is not recommended in resected {p.KinaseCode}-positive NSCLC whatever the PD-L1{high}: "
            + $"checkpoint inhibitors have little activity in fusion-driven NSCLC, and the adjuvant trials (IMpower010, PEARLS/KEYNOTE-091) give no evidence of benefit for these patients; {instead}";
        var sources = p.E.Kb.Rule(Id)?.Provenance.Sources ?? [];
        p.Avoid.Add(Therapy.ImmunotherapyMonotherapy, reason, sources);
        p.E.Fire(Id, $"Adjuvant immunotherapy avoided in resected {p.KinaseCode}-positive NSCLC: {reason}.", sources);
    }
}
