using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Treatment;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-IO-001: checkpoint-inhibitor monotherapy is avoided in ALK/ROS1-rearranged NSCLC whatever the PD-L1, from the
/// publication of the first source that says so (SYS-DATE-001).
/// SYS-IO-002: after a checkpoint inhibitor, liver tests are watched in the TKI's first weeks (Lin 2019).
/// SYS-IO-003: a checkpoint inhibitor taken when the driver is found is stopped when the TKI replaces it, never given
/// with it (CheckMate 370). Each is said from its source's publication on.
/// SYS-IO-004: while ALK/ROS1 is not yet established (diagnostic work-up), checkpoint inhibitors wait for the result;
/// one already being given is named, with what follows if a fusion is found.
/// Sources: the rule catalogue and the immunotherapy record.
/// </summary>
internal static class Immunotherapy
{
    public const string Id = "SYS-IO-001";
    public const string PriorImmunotherapyId = "SYS-IO-002";
    public const string StopCheckpointInhibitorId = "SYS-IO-003";
    public const string BeforeDriverResultId = "SYS-IO-004";

    /// <summary>
    /// SYS-IO-004, in the diagnostic work-up (no driver established yet): checkpoint-inhibitor monotherapy waits for the
    /// ALK/ROS1 result — if a fusion is found it has little activity whatever the PD-L1, and a TKI after it brings more
    /// severe liver toxicity; platinum doublet chemotherapy without it bridges when treatment cannot wait. A checkpoint
    /// inhibitor being given now is a warning. Said from the publication of the sources (SYS-DATE-001).
    /// </summary>
    public static IReadOnlyList<AvoidItem> BeforeDriverResult(Evaluation e, TreatmentHistory h)
    {
        var io = e.Kb.Drug(Therapy.ImmunotherapyMonotherapy);
        var sources = PublishedBy.Known(e, [.. io.Provenance.Sources, .. e.Kb.Rule(PriorImmunotherapyId)?.Provenance.Sources ?? []]);
        if (PublishedBy.NotYet(e, io.Provenance.Sources) is { } published)
        {
            PublishedBy.Trace(e, [$"waiting for the ALK/ROS1 result before a checkpoint inhibitor (first published {published})"]);
            return [];
        }

        var tps = e.Case.Tests.Where(t => t.Gene == Gene.PdL1 && t.Tps is not null).Select(t => t.Tps!.Value).DefaultIfEmpty().Max();
        var pdl1 = tps > 0 ? $" A PD-L1 TPS of {tps} % does not change this." : "";
        var reason = $"Not before the driver results are settled: if an ALK or ROS1 fusion is confirmed, checkpoint-inhibitor monotherapy has little activity whatever the PD-L1, and a TKI started after a checkpoint inhibitor brings more severe liver toxicity; if treatment cannot wait, platinum doublet chemotherapy without the checkpoint inhibitor bridges to the result.{pdl1}";
        e.Fire(BeforeDriverResultId, $"No driver established yet: immunotherapy monotherapy waits for the ALK/ROS1 result.{pdl1}", sources);
        if (h.Current is { Therapy: Therapy.ImmunotherapyMonotherapy or Therapy.ChemoImmunotherapy } now)
        {
            e.Warn(WarningCodes.PriorImmunotherapy, $"{Evaluation.Capitalised(e.Name(now.Therapy))} is being given{HistoryReader.Since(now)} while no driver is established: complete the driver tests now; if an ALK or ROS1 fusion is confirmed, stop the checkpoint inhibitor when the TKI starts, never give the two together, and check liver tests closely in the TKI's first weeks.");
        }

        return [new AvoidItem { Therapy = Therapy.ImmunotherapyMonotherapy, Reason = reason, References = sources }];
    }

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
        var known = PublishedBy.Known(p.E, io.Provenance.Sources);
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

        // Still taking it, and no TKI yet: the driver was found during chemo-immunotherapy, and the TKI replaces it.
        var replaced = io == p.H.Current && !p.E.Case.History.Any(x => p.E.Kb.Drug(x.Therapy).IsTargeted);
        // Each sentence rests on its own study (the rule catalogue's sources) and is said only once that study was
        // published (SYS-DATE-001): CheckMate 370 gave nivolumab with crizotinib; Lin 2019 gave crizotinib after one.
        var stop = replaced ? Known(p, StopCheckpointInhibitorId) : null;
        var after = Known(p, PriorImmunotherapyId);
        List<string> said = [];
        if (stop is not null)
        {
            said.Add("stop the checkpoint inhibitor when the TKI starts and do not give the two together (severe liver toxicity, possibly contributing to two deaths, closed the nivolumab-with-crizotinib cohort of CheckMate 370)");
        }

        if (after is not null)
        {
            said.Add("crizotinib started after a checkpoint inhibitor caused grade 3-4 ALT rises far more often than crizotinib alone (Lin 2019; other ALK/ROS1 TKIs were not studied), so check liver tests closely in the first weeks of the TKI");
        }

        if (said.Count == 0)
        {
            PublishedBy.Trace(p.E, ["the liver risk of a TKI given with or after a checkpoint inhibitor (its studies were published later)"]);
            return;
        }

        var msg = $"{p.Name(io.Therapy)} {(replaced ? "is being given" : "was given")}{HistoryReader.Span(io)}: {string.Join("; ", said)}.";
        p.E.Warn(WarningCodes.PriorImmunotherapy, msg);
        if (stop is not null)
        {
            p.E.Fire(StopCheckpointInhibitorId, msg, stop);
        }

        if (after is not null)
        {
            p.E.Fire(PriorImmunotherapyId, msg, after);
        }
    }

    /// <summary>The rule's catalogue sources published by the evaluation date; null when none is.</summary>
    private static List<string>? Known(PlanState p, string rule) =>
        PublishedBy.Known(p.E, p.E.Kb.Rule(rule)?.Provenance.Sources ?? []) is { Count: > 0 } known ? known : null;
}
