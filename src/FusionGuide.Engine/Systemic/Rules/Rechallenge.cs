using FusionGuide.Domain;
using FusionGuide.Engine.Diagnosis;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-RECHAL-001: a TKI the disease progressed on is offered again only when the knowledge base records clinical
/// evidence (a <c>resensitises</c> record on the exact resistance row) that the genotype found now restores it; it is
/// then certain-circumstances and never the first choice (SYS-RANK-001 ranks it by the usual keys, then gives the lead to
/// the best other option). Lab sensitivity is not such evidence, and the most recent failure is never re-challenged. Sources: the rule catalogue and the re-sensitisation record.
/// </summary>
internal static class Rechallenge
{
    public const string Id = "SYS-RECHAL-001";

    /// <summary>Candidates added after everything else: last in guideline order among equals.</summary>
    private const int Order = 1000;

    /// <summary>
    /// The knowledge base's clinical evidence that the genotype found now restores the activity of a TKI the disease
    /// progressed on earlier: the genotype must have emerged on a later TKI.
    /// </summary>
    public static (MutationSet Set, Resensitisation Record)? Evidence(PlanState p, HistoryEntry failed)
    {
        if (failed == p.H.LastFailedTargeted || p.H.LastFailedTargeted is not { } latest)
        {
            return null;
        }

        foreach (var found in p.Profile.Resensitising(failed.Therapy, latest.Therapy))
        {
            return found;
        }

        return null;
    }

    public static void Allow(PlanState p, HistoryEntry failed, MutationSet set, Resensitisation record)
    {
        p.Rechallenges[failed.Therapy] = (failed, set, record);
        p.E.UsedUnverified(record.Id, record.Provenance);
        p.E.Fire(Id, $"{p.Name(failed.Therapy)}: the disease progressed on it{HistoryReader.Span(failed)}, but {set.Name} ({set.Source}) is recorded with clinical evidence of re-sensitisation ({record.Summary}): it may be given again in certain circumstances, never as the first choice.", record.Provenance.Sources);
    }

    /// <summary>
    /// Lab sensitivity of the mutation found is not clinical evidence that the drug works again: the systemic progression
    /// on it may have had other causes.
    /// </summary>
    public static void NotForLabSensitivity(PlanState p, HistoryEntry failed) =>
        p.E.Fire(Id, $"{p.Name(failed.Therapy)} is sensitive to the mutation found in the lab, but the knowledge base records no clinical evidence that this genotype restores its activity after progression on it: no re-challenge.");

    /// <summary>Each re-challenge the evidence allows, as a certain-circumstances option (replacing a table's entry for it).</summary>
    public static void Add(PlanState p)
    {
        foreach (var (therapy, (earlier, set, record)) in p.Rechallenges)
        {
            var why = $"a re-challenge: the disease progressed on {p.Name(therapy)} earlier{HistoryReader.Span(earlier)}; {set.Name} ({set.Source}) restores its activity clinically ({record.Summary})";
            p.Candidates.RemoveAll(c => c.Therapy == therapy);
            var c = new Candidate(therapy, Preference.CertainCircumstances, why, Order) { IsRechallenge = true };
            c.Cite(record.Provenance.Sources);
            p.Candidates.Add(c);
        }
    }
}
