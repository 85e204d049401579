using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-PAT-MED-001: a listed co-medication whose interaction with a TKI its label rates contraindicated or major weighs
/// against that TKI (the label's advice for the medication by name, else for its interaction class, in force on asOf);
/// the rationale names the medication and the severity. Sources: the rule catalogue and the label's interaction rule.
/// </summary>
internal static class CoMedication
{
    public const string Id = "SYS-PAT-MED-001";

    public static FactorFinding? For(PlanState p, Candidate c, Drug drug)
    {
        if (p.E.Kb.Interactions(c.Therapy) is not { } table)
        {
            return null;
        }

        var serious = (
            from med in p.E.Case.Medications
            let known = p.E.Kb.Medication(med)
            where known.Generic is not null
            from rule in RulesFor(p, table, known.Generic!, known.Classes)
            where rule.Severity is Severity.Contraindicated or Severity.Major
            select (med, rule)).ToList();
        if (serious.Count == 0)
        {
            return null;
        }

        var what = string.Join("; ", serious.Select(s => $"{s.med} ({Codes.Severity.Code(s.rule.Severity)} interaction in {drug.Name}'s label)"));
        return new FactorFinding(1, $"co-medication: {what}; {PatientFactors.Placement(1)}", [.. serious.SelectMany(s => s.rule.Provenance.Sources).Distinct()]);
    }

    /// <summary>The label's rules in force for the medication by name, or else for its interaction classes.</summary>
    private static IEnumerable<InteractionRule> RulesFor(PlanState p, DrugInteractions table, string generic, IReadOnlyList<InteractionClassCode> classes)
    {
        var inForce = table.Rules.Where(r => r.Validity.Contains(p.E.AsOf)).ToList();
        var named = inForce.Where(r => r.MedicationKey == generic).ToList();
        return named.Count > 0 ? named : inForce.Where(r => r.Class is { } k && classes.Contains(k));
    }
}
