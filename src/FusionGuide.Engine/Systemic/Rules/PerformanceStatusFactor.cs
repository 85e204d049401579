using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-PAT-ECOG-001: the patient's ECOG performance status orders equally recommended TKIs by the drug records' ECOG
/// facts (<c>patientFactors</c>, factor <c>ecog</c>: e.g. alectinib's prospective trial at ECOG 2–4, LOGiK1401).
/// Sources: the rule catalogue and the fact's own sources.
/// </summary>
internal static class PerformanceStatusFactor
{
    public const string Id = "SYS-PAT-ECOG-001";

    public static FactorFinding? For(PlanState p, Candidate c, Drug drug) =>
        p.E.Case.Patient.Ecog is { } ecog ? FactorFacts.Finding(p, drug, PatientFactor.Ecog, ecog, $"ECOG {ecog}") : null;
}

/// <summary>A drug's patient-factor facts that apply to the patient's value, as one finding.</summary>
internal static class FactorFacts
{
    public static FactorFinding? Finding(PlanState p, Drug drug, PatientFactor factor, int value, string patient)
    {
        var facts = drug.PatientFactors.Where(f => f.Factor == factor && value >= f.AtOrAbove).ToList();
        if (facts.Count == 0)
        {
            return null;
        }

        foreach (var f in facts)
        {
            p.E.UsedUnverified(f.Id, f.Provenance);
        }

        var weight = facts.Sum(f => f.Effect == FactorEffect.Deprioritise ? 1 : -1);
        var reasons = string.Join("; ", facts.Select(f => f.Message.TrimEnd('.')));
        return new FactorFinding(weight, $"{patient}: {reasons}", [.. facts.SelectMany(f => f.Provenance.Sources).Distinct()]);
    }
}
