using FusionGuide.Domain;
using FusionGuide.Engine.Treatment;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-IO-001: checkpoint-inhibitor monotherapy is avoided in ALK/ROS1-rearranged NSCLC whatever the PD-L1.
/// SYS-IO-002: a TKI soon after a checkpoint inhibitor carries more hepatotoxicity and pneumonitis: warned.
/// Sources: the rule catalogue and the immunotherapy record.
/// </summary>
internal static class Immunotherapy
{
    public const string Id = "SYS-IO-001";
    public const string PriorImmunotherapyId = "SYS-IO-002";

    public static void AvoidMonotherapy(PlanState p)
    {
        var io = p.E.Kb.Drug(Therapy.ImmunotherapyMonotherapy);
        p.Avoid.Add(Therapy.ImmunotherapyMonotherapy, io.Place ?? $"checkpoint-inhibitor monotherapy has little activity in {p.KinaseCode}-rearranged NSCLC, whatever the PD-L1", io.Provenance.Sources);
        p.E.Fire(Id, $"Immunotherapy monotherapy is avoided in {p.KinaseCode}-rearranged NSCLC whatever the PD-L1 expression.", io.Provenance.Sources);
    }

    public static void WarnIfGivenBefore(PlanState p)
    {
        var io = p.E.Case.History.FirstOrDefault(x => x.Therapy is Therapy.ChemoImmunotherapy or Therapy.ImmunotherapyMonotherapy);
        if (io is null)
        {
            return;
        }

        var msg = $"{p.Name(io.Therapy)} was given{HistoryReader.Span(io)}: a TKI started soon after a checkpoint inhibitor carries a higher risk of hepatotoxicity and pneumonitis; monitor liver tests closely in the first weeks.";
        p.E.Warn(WarningCodes.PriorImmunotherapy, msg);
        p.E.Fire(PriorImmunotherapyId, msg);
    }
}
