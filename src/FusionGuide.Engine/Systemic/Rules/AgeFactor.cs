using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-PAT-AGE-001: the patient's age orders equally recommended TKIs by the drug records' age facts
/// (<c>patientFactors</c>, factor <c>age</c>: e.g. lorlatinib's neurocognitive effects are more frequent in older
/// patients). Sources: the rule catalogue and the fact's own sources.
/// </summary>
internal static class AgeFactor
{
    public const string Id = "SYS-PAT-AGE-001";

    public static FactorFinding? For(PlanState p, Candidate c, Drug drug) =>
        p.E.Case.Patient.Age is { } age ? FactorFacts.Finding(p, drug, PatientFactor.Age, age, $"age {age}") : null;
}
