using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-AGE-002: a patient younger than the knowledge base's adult age (adult-age-years). The ALK and ROS1 TKIs' lung-cancer
/// indications are written for adults and their doses are fixed adult doses; ALK- or ROS1-positive lung cancer in a child
/// is rare, and use and dosing belong to a paediatric oncologist (crizotinib's paediatric labels, for other tumours, dose
/// by body surface area). The options still show what the adult pathway holds — withholding them would be a guess too —
/// but the answer says so, and each TKI's dosing row carries the caveat (SafetyStage). Sources: the rule catalogue and the
/// threshold record.
/// </summary>
internal static class MinorPatient
{
    public const string Id = "SYS-AGE-002";

    /// <summary>The patient's age when below the adult age, else null.</summary>
    public static int? Age(Evaluation e) =>
        e.Case.Patient.Age is { } age && age < e.Kb.ClinicalThresholds.AdultAgeYears ? age : null;

    public static void Say(PlanState p)
    {
        if (Age(p.E) is not { } age)
        {
            return;
        }

        var e = p.E;
        var msg = $"The patient is {age} years old: the ALK and ROS1 TKIs' lung-cancer indications are written for adults (from {e.Kb.ClinicalThresholds.AdultAgeYears}), and the doses shown are fixed adult doses; whether and at what dose to use them in a child or adolescent is for a paediatric oncologist (crizotinib's paediatric labels, for other tumours, dose by body surface area) — refer, and consider a clinical trial.";
        e.Warn(WarningCodes.MinorPatient, msg);
        var threshold = e.Kb.ThresholdRecord("adult-age-years");
        if (threshold is not null)
        {
            e.UsedUnverified(threshold.Id, threshold.Provenance);
        }

        e.Fire(Id, msg, [.. e.Kb.Rule(Id)?.Provenance.Sources ?? []]);
    }
}
