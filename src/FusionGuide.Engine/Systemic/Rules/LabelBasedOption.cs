using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-LABEL-001: after progression on a TKI, a TKI of the case's kinase that no guideline table of the knowledge base
/// places (in any setting or version) but whose label in the case's region covers treatment after a prior inhibitor on
/// asOf is offered as a label-based option — certain circumstances, so ranked after every guideline option of higher
/// preference. Within certain circumstances the genotype key decides first (a drug the findings rate sensitive before one
/// whose activity is not recorded); at equal genotype the ranking key "regional approval and a label the knowledge base
/// has read" (Ranking, used only while such an option is a candidate) puts approved drugs whose label is read ahead of
/// it and it ahead of off-label or unknown-standing ones, then guideline order: after the table's own entries, before the
/// genotype-directed additions of SYS-RES-006 (order 400 before 500), which rest on resistance data outside any label
/// or table, while this option rests on an approval for exactly this setting. The option
/// says that no guideline placement is recorded; when a resistance mutation was found and the knowledge base records no
/// activity of the drug against it, it says that too (the genotype key then ranks it after drugs rated sensitive).
/// Only an approval in force on asOf counts, so an earlier asOf never offers it; a case without a region offers it
/// nowhere (an approval decides, and none is known to apply). Alone it does not keep the plan targeted: when no TKI a
/// guideline places is left, the conventional pathway applies (SYS-POST-001) with this option beside it. The filters (access, resistance, contraindications) then
/// decide whether it stays. First case: zidesamtinib, US approval 22 Jul 2026 after at least one ROS1 TKI, no NCCN/ESMO
/// table in the stored sources. Sources: the rule catalogue and the approval record.
/// </summary>
internal static class LabelBasedOption
{
    public const string Id = "SYS-LABEL-001";

    /// <summary>After the table's entries and the genotype-matched alternative (100), before SYS-RES-006's additions (500).</summary>
    private const int LabelBasedOrder = 400;

    public static void Add(PlanState p)
    {
        if (!p.H.AnyTargetedFailure)
        {
            return;
        }

        var added = new List<Candidate>();
        foreach (var drug in p.E.Kb.Drugs.Where(d => d.Inhibits(p.Kinase)))
        {
            var therapy = drug.Therapy;
            if (p.Candidates.Any(c => c.Therapy == therapy) || p.Avoid.Contains(therapy) || GuidelinePlaced(p, therapy))
            {
                continue;
            }

            var (standing, record) = Access.StandingOf(p.E, drug, p.Kinase, ApprovalSetting.Subsequent, p.PriorInhibitor);
            if (standing != Standing.Approved || record is null)
            {
                continue;
            }

            var region = record.Region.Code();
            var scope = record.Setting == ApprovalSetting.Subsequent ? $"use after a prior {p.KinaseCode} TKI" : $"{p.KinaseCode}-positive advanced NSCLC";
            var why = $"label-based option: {p.Name(therapy)} is approved in {region} for {scope} ({record.Approved()}); no guideline table in the knowledge base places it (no NCCN or ESMO placement recorded), so it is offered in certain circumstances, after the guideline's options";
            var c = new Candidate(therapy, Preference.CertainCircumstances, why, LabelBasedOrder + added.Count) { IsLabelBased = true };
            c.Cite(record.Provenance.Sources);
            p.E.UsedUnverified(record.Id, record.Provenance);
            if (p.Profile.HasGenotype && !p.Profile.For(therapy).Any(f => f.Set.Gene == p.Kinase))
            {
                var found = string.Join(", ", p.Profile.Sets.Where(s => s.Gene == p.Kinase).Select(s => s.Name));
                c.Notes.Add($"its activity against {found} is not recorded in the knowledge base");
            }

            p.Candidates.Add(c);
            added.Add(c);
        }

        CandidateFilters.Apply(p, added);
        foreach (var c in added)
        {
            var kept = p.Candidates.Contains(c);
            p.E.Fire(Id, $"{p.Name(c.Therapy)}: approved in {p.E.Case.Context.Region?.Code()} after a prior {p.KinaseCode} TKI on {p.E.AsOfText} and placed by no guideline table of the knowledge base: {(kept ? "offered as a label-based option (certain circumstances), after the guideline's options" : "not offered (avoided by a filter)")}.", c.References);
        }
    }

    /// <summary>True when any guideline table of the knowledge base, of any setting or version, lists the therapy for this kinase.</summary>
    private static bool GuidelinePlaced(PlanState p, Therapy therapy) =>
        p.E.Kb.Regimens.Any(r => (r.Driver == p.Kinase || r.Driver is null) && r.Entries.Any(x => x.Therapy == therapy));
}
