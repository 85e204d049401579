using FusionGuide.Domain;
using FusionGuide.Engine.Treatment;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-IO-001: checkpoint-inhibitor monotherapy is avoided in ALK/ROS1-rearranged NSCLC whatever the PD-L1, from the
/// publication of the first source that says so (SYS-DATE-001).
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
        // Dated like any finding (SYS-DATE-001): before its earliest source appeared (Gainor 2016), the knowledge base
        // has nothing to say about checkpoint inhibitors in fusion-driven NSCLC, so no avoid row is written.
        if (PublishedBy.NotYet(p.E, io.Provenance.Sources) is { } published)
        {
            PublishedBy.Trace(p.E, [$"avoiding immunotherapy monotherapy in {p.KinaseCode}-rearranged NSCLC (first published {published})"]);
            return;
        }

        // The row cites what was published by the evaluation date (a 2017 case is not told of a 2021 review).
        List<string> known = [.. io.Provenance.Sources.Where(x => PublishedBy.NotYet(p.E, [x]) is null)];
        p.Avoid.Add(Therapy.ImmunotherapyMonotherapy, io.Place ?? $"checkpoint-inhibitor monotherapy has little activity in {p.KinaseCode}-rearranged NSCLC, whatever the PD-L1", known);
        p.E.Fire(Id, $"Immunotherapy monotherapy is avoided in {p.KinaseCode}-rearranged NSCLC whatever the PD-L1 expression.", known);
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
