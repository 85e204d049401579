using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-PS-001: at poor performance status (ECOG at or above the knowledge base's threshold) chemotherapy and
/// immunotherapy are avoided, a TKI is still given, and best supportive care is offered when no TKI is left.
/// Sources: the rule catalogue.
/// </summary>
internal static class PerformanceStatus
{
    public const string Id = "SYS-PS-001";

    /// <summary>True at poor performance status (ECOG at or above the threshold): no cytotoxic or immune therapy.</summary>
    public static bool RulesOutChemotherapy(PlanState p) => p.E.Case.Patient.Ecog >= p.E.Kb.ClinicalThresholds.EcogPoorAtOrAbove;

    /// <summary>The filter: no cytotoxic or immune therapy at poor ECOG.</summary>
    public static void Check(PlanState p, Candidate c, Drug drug)
    {
        var e = p.E;
        var chemo = c.Therapy is not (Therapy.ClinicalTrial or Therapy.BestSupportiveCare);
        if (!drug.IsTargeted && chemo && RulesOutChemotherapy(p))
        {
            p.Avoid.Add(c.Therapy, $"ECOG {e.Case.Patient.Ecog}: cytotoxic or immune therapy is not recommended at this performance status");
            e.Fire(Id, $"ECOG {e.Case.Patient.Ecog}: {drug.Name} ruled out; best supportive care (and a targeted agent where one is left) instead.");
        }
        else if (c.Therapy == Therapy.ClinicalTrial && RulesOutChemotherapy(p))
        {
            // A trial was offered beside best supportive care at ECOG 4 as if the patient could enter one; their
            // eligibility is set by performance status, so it is named as what to reconsider, not as an option.
            p.Avoid.Add(c.Therapy, $"ECOG {e.Case.Patient.Ecog}: clinical trials rarely enrol patients at this performance status; reconsider one if it recovers");
            e.Fire(Id, $"ECOG {e.Case.Patient.Ecog}: a clinical trial is not offered now (trials rarely enrol patients at this performance status); best supportive care (and a targeted agent where one is left) instead.");
        }
    }

    /// <summary>Before ranking: the warning, the TKIs' note, and best supportive care when no TKI is left.</summary>
    public static void AtPoorPerformance(PlanState p)
    {
        var e = p.E;
        if (!RulesOutChemotherapy(p) || e.Case.Patient.Ecog is not { } ecog)
        {
            return;
        }

        var hasTki = p.AnyTargetedOption;
        e.Warn(WarningCodes.PoorPerformanceStatus, hasTki
            ? $"ECOG {ecog}: a TKI may still be given at poor performance status because responses are frequent and fast; chemotherapy is not recommended."
            : $"ECOG {ecog}: no targeted option is left and chemotherapy is not recommended at this performance status; best supportive care.");
        foreach (var c in p.Candidates.Where(c => p.IsTargeted(c.Therapy)))
        {
            c.Notes.Add($"ECOG {ecog}: TKIs are used even at poor performance status in oncogene-driven NSCLC");
        }

        // Added after the access filter ran, so it must honour context.unavailable and context.available itself. A
        // label-based TKI alone (SYS-LABEL-001, certain circumstances) does not replace best supportive care.
        if (!p.AnyPlacedTargetedOption && !p.Candidates.Any(c => c.Therapy == Therapy.BestSupportiveCare) && !p.Avoid.Contains(Therapy.BestSupportiveCare) &&
            !Access.UnavailableAtSite(e, Therapy.BestSupportiveCare, out _))
        {
            var bsc = e.Kb.Drug(Therapy.BestSupportiveCare);
            var c = new Candidate(Therapy.BestSupportiveCare, Preference.Preferred, bsc.Place ?? "Best supportive care with palliative input", 1000);
            c.Cite(e.Kb.Rule(Id)?.Provenance.Sources ?? []);
            p.Candidates.Add(c);
        }
    }
}
