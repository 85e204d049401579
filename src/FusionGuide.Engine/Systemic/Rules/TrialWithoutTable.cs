using FusionGuide.Domain;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-TABLE-004: on a date before any guideline table the knowledge base holds for this situation, with no TKI approved
/// for it then (ALK before crizotinib's approval, ROS1 before its first ROS1 label, or every approved TKI already
/// failed), the plan is not left empty: a clinical trial is the option the knowledge base can name for any date, and
/// the answer says the general NSCLC pathway of that date (platinum doublet chemotherapy) is decided by the guideline in
/// force then — the regimens the knowledge base encodes come from later tables and are not applied before them.
/// Sources: the rule catalogue and the clinical-trial record.
/// </summary>
internal static class TrialWithoutTable
{
    public const string Id = "SYS-TABLE-004";

    /// <summary>
    /// Adds the trial when nothing else is offered — after progression (<paramref name="afterProgression"/>), nothing but
    /// a label-based option that covers the patient only through an earlier TKI, which stands beside the pathway, not in
    /// place of it.
    /// </summary>
    public static void AddIfNone(PlanState p, bool afterProgression = false)
    {
        if (p.Candidates.Any(c => !(afterProgression && c.IsLabelBased)) || p.Avoid.Contains(Therapy.ClinicalTrial))
        {
            return;
        }

        var e = p.E;
        var trial = e.Kb.Drug(Therapy.ClinicalTrial);
        var on = e.AsOfText;
        var why = p.Candidates.Count == 0
            ? $"no guideline table the knowledge base holds applies on {on} and no {p.KinaseCode} TKI is approved for this situation then"
            : $"no guideline table the knowledge base holds applies on {on}, and no {p.KinaseCode} TKI label then was written for progression on the TKI just failed";
        var c = new Candidate(Therapy.ClinicalTrial, Preference.Preferred,
            $"a clinical trial of a targeted agent for {p.KinaseCode}-positive disease: {why}; otherwise the general NSCLC pathway of that date (platinum doublet chemotherapy), by the guideline in force then", 0);
        c.Cite([.. trial.Provenance.Sources]);
        e.UsedUnverified(trial.Id, trial.Provenance);
        p.Candidates.Add(c);
        e.Fire(Id, $"No option from a table or a label on {on}: a clinical trial, with the general NSCLC pathway of that date named ({why}).", trial.Provenance.Sources);
        // Added after the plan's filters ran: they apply to it as to any option (at ECOG 3-4 no trial is offered,
        // SYS-PS-001, and best supportive care follows; a site that cannot offer trials is honoured).
        CandidateFilters.Apply(p, [c]);
    }
}
