using FusionGuide.Domain;
using FusionGuide.Engine.Safety;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-PAT-MED-001: a listed co-medication whose pair with a TKI is contraindicated or major weighs against that TKI.
/// The pair's severity is the interaction stage's own (<see cref="InteractionFindings.StandingQuietly"/>: both labels
/// read, the stricter wins), so the ranking reason and the interaction row cannot disagree; the rationale names the
/// medication, the severity and whose label sets it. Sources: the rule catalogue and the labels' interaction rules.
/// </summary>
internal static class CoMedication
{
    public const string Id = "SYS-PAT-MED-001";

    public static FactorFinding? For(PlanState p, Candidate c, Drug drug)
    {
        var serious = (
            from med in p.E.Case.Medications
            from known in p.E.Kb.ReadMedication(med).Known
            where !IsTargetedDrug(p, known.Generic)
            let standing = InteractionFindings.StandingQuietly(p.E, c.Therapy, known.Generic, known.Classes)
            where standing is { Severity: Severity.Contraindicated or Severity.Major }
            select (med, standing)).ToList();
        if (serious.Count == 0)
        {
            return null;
        }

        var what = string.Join("; ", serious.Select(s => $"{s.med} ({Codes.Severity.Code(s.standing.Severity)} interaction, by {s.standing.Whose} label)"));
        // A contraindicated pair weighs more than a major one: among equally recommended TKIs, the one a label forbids
        // with this co-medication ranks after those it only cautions against (lorlatinib with carbamazepine after
        // brigatinib and ensartinib, whose pairs are major).
        var weight = serious.Any(s => s.standing.Severity == Severity.Contraindicated) ? 2 : 1;
        return new FactorFinding(weight, $"co-medication: {what}",
            [.. serious.SelectMany(s => s.standing.Findings.SelectMany(f => f.References)).Distinct()]);
    }

    /// <summary>
    /// The TKI continued now has no alternative to be ranked against, but a contraindicated or major pair with a
    /// co-medication taken with it is said on its row: "continue it" alone would read as "change nothing" while the
    /// interaction row and warning say to act today.
    /// </summary>
    public static void SayForContinued(PlanState p, Candidate continued, Drug drug)
    {
        if (For(p, continued, drug) is not { } finding)
        {
            return;
        }

        var note = $"{finding.Note} — settle it today: stop or replace the co-medication, or change the dose, as the interaction row says";
        continued.Notes.Add(note);
        continued.Cite(finding.Sources);
        p.E.Fire(Id, $"{drug.Name} (continued): {note}.", finding.Sources);
    }

    /// <summary>A TKI entered among the co-medications is a history problem (SET-HISTORY-002), never a pair, as in the interaction stage.</summary>
    private static bool IsTargetedDrug(PlanState p, string generic) =>
        p.E.Kb.IsTargetedGeneric(generic);
}
