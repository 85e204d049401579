using FusionGuide.Engine.Pipeline;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-ACCESS-005: a TKI approved nowhere on the evaluation date is investigational, whatever the case's region: it is
/// reached through a clinical trial or expanded access, never prescribed. It leaves the options; the avoid list says why,
/// when its first approval came (if one is recorded) and what the resistance findings say of it — zidesamtinib had been
/// offered in the EU, Japan or with no region before any approval existed, with only "check local access" (probe S23B).
/// A site that lists it as obtainable (expanded access) keeps it, said to be investigational. An approval whose day is
/// not recorded counts as an approval.
/// Sources: the rule catalogue and the drug's approval records.
/// </summary>
internal static class Investigational
{
    public const string Id = "SYS-ACCESS-005";

    public static void Check(PlanState p, Candidate c, Drug drug)
    {
        if (!drug.IsTargeted || c.Activity == Activity.Resistant || p.Avoid.Contains(c.Therapy) || !IsInvestigational(p.E, drug))
        {
            return;
        }

        var e = p.E;
        var first = drug.Approvals.Where(a => a.Status == ApprovalStatus.Approved && a.Date is not null).OrderBy(a => a.Date).FirstOrDefault();
        var later = first is null ? "no approval of it is recorded" : $"the first recorded comes later: {first.Region.Code()} {first.Dated()}";
        var activity = c.Activity == Activity.Sensitive ? "; the resistance findings rate it active against what was found" : "";
        var text = $"{p.Name(c.Therapy)} is investigational on {e.AsOfText}: approved nowhere yet ({later}){activity}; it is reached through a clinical trial or expanded access, not prescribed";
        var sources = drug.Approvals.SelectMany(a => a.Provenance.Sources).Distinct().ToList();
        if (e.Case.Context.Available?.Contains(c.Therapy) == true)
        {
            c.Notes.Add($"{text}; the site lists it as obtainable (expanded access)");
            e.Fire(Id, $"{text}; kept because the site lists it as obtainable.", sources);
            return;
        }

        p.Avoid.Add(c.Therapy, text, sources);
        e.Fire(Id, $"{text}.", sources);
    }

    /// <summary>A targeted drug with no approval in any region on the date (one whose day is not recorded counts as approved).</summary>
    public static bool IsInvestigational(Evaluation e, Drug drug) =>
        drug.IsTargeted && !drug.Approvals.Any(a => a.Status == ApprovalStatus.Approved && (a.Date is not { } d || d <= e.AsOf));
}
