using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-CONT-001: a TKI taken now without recorded progression is continued. SYS-CONT-002: through oligoprogression, or
/// CNS progression on a TKI of high CNS activity, the TKI is continued with local treatment of the progressing sites;
/// CNS progression on a TKI of poor CNS penetration switches to a CNS-active TKI. A TKI the genotype resists, one the
/// label says to stop, or one the site cannot supply is not continued. Sources: the rule catalogue (and the drug's CNS record).
/// </summary>
internal static class Continuation
{
    public const string Id = "SYS-CONT-001";
    public const string LimitedProgressionId = "SYS-CONT-002";

    /// <summary>True when the TKI taken now is continued.</summary>
    public static bool Continues(PlanState p, HistoryEntry? current, bool obtainable) =>
        current is not null && p.IsTargeted(current.Therapy) && p.MustStop(current) is null && obtainable &&
        p.Profile.Of(current.Therapy) != Activity.Resistant &&
        (p.H.ContinuedThroughLimitedProgression is null || CanContinueThrough(p, current));

    /// <summary>The continued TKI as the one, preferred option. Returns true when it continues through limited progression.</summary>
    public static bool Add(PlanState p, HistoryEntry current)
    {
        var limited = p.H.ContinuedThroughLimitedProgression is not null;
        var name = p.Name(current.Therapy);
        var since = HistoryReader.Since(current);
        var evidence = limited
            ? $"{Evaluation.Capitalised(GuidelineTable.ProgressionWords(current.ProgressionPattern))} on {name}{since}: continue {name} and treat the progressing site(s) locally; switching now would give up a TKI that still controls most of the disease"
            : $"On {name}{since} without recorded progression: continue it";
        var id = limited ? LimitedProgressionId : Id;
        var c = new Candidate(current.Therapy, Preference.Preferred, evidence, 0) { IsContinuation = true };
        c.Cite(p.E.Kb.Rule(id)?.Provenance.Sources ?? []);
        if (p.BrainMets && p.E.Kb.Drug(current.Therapy).Cns is { } cns)
        {
            // The activity only: the summary's figures come from its own setting and belong in the evidence section. When
            // the brain is where the disease progressed on it, its intracranial activity is no argument for keeping it:
            // the local treatment of those lesions is.
            c.Notes.Add(limited && current.ProgressionPattern is ProgressionPattern.Cns or ProgressionPattern.Both
                ? $"the brain metastases progressed on it despite its {cns.Activity.Code()} intracranial activity"
                : $"brain metastases: {cns.Activity.Code()} intracranial activity");
        }

        p.E.Fire(id, $"{evidence}.");
        ComorbidityCautions.SayForContinued(p, c, p.E.Kb.Drug(current.Therapy));
        CoMedication.SayForContinued(p, c, p.E.Kb.Drug(current.Therapy));
        p.Candidates.Add(c);
        return limited;
    }

    /// <summary>
    /// The progression the next TKI answers: the last failure, or the limited progression on a TKI that is given up —
    /// whatever gives it up: the site cannot supply it any more, it penetrates the CNS poorly, the genotype found at that
    /// progression resists it (G1202R on alectinib), its label says to stop it, or the CNS disease is beyond local
    /// treatment (SYS-CONT-007) — then the line moves on by one. It is the latest progression, so it is answered even
    /// when an earlier TKI failed (crizotinib, then alectinib continued through CNS progression).
    /// </summary>
    public static (Therapy? FailedTki, ProgressionPattern? Pattern) ProgressionToAnswer(PlanState p)
    {
        var h = p.H;
        var answer = (h.LastFailedTargeted?.Therapy, h.LastFailurePattern);
        if (h.ContinuedThroughLimitedProgression is { } stopped && CanContinueThrough(p, stopped))
        {
            answer = (stopped.Therapy, stopped.ProgressionPattern);
            p.Line = h.Line + 1;
            p.AnsweredProgressionOn = stopped.Therapy;
        }

        if (h.ContinuedThroughLimitedProgression is { } low && !CanContinueThrough(p, low))
        {
            answer = (low.Therapy, low.ProgressionPattern);
            p.Line = h.Line + 1;
            p.AnsweredProgressionOn = low.Therapy;
            var cnsSources = p.E.Kb.Drug(low.Therapy).Cns?.Provenance.Sources;
            p.E.Fire(LimitedProgressionId, $"CNS progression on {p.Name(low.Therapy)}, whose CNS penetration is poor: switch to a CNS-active TKI rather than continue it.", cnsSources ?? []);
            p.Avoid.Add(low.Therapy, $"CNS progression on it ({HistoryReader.Span(low).Trim()}) and poor CNS penetration", cnsSources);
        }

        return answer;
    }

    private static bool CanContinueThrough(PlanState p, HistoryEntry entry) =>
        entry.ProgressionPattern == ProgressionPattern.Oligoprogression || p.E.Kb.Drug(entry.Therapy).Cns?.Activity == CnsLevel.High;
}
