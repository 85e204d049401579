using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Systemic;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Local;

/// <summary>
/// The brain plan (review §5.3; ASCO-SNO-ASTRO 2021/22, ASTRO 2022, EANO-ESMO): which lesions get local treatment and
/// how, when radiotherapy may wait for a CNS-active TKI and how it is watched, the leptomeningeal work-up and steroids.
/// Lesion counts and sizes come from the case; thresholds and the pathways' steps from the knowledge base.
/// </summary>
internal static class BrainStage
{
    public static void Run(Evaluation e, SystemicOutcome systemic, TreatmentHistory h, LocalPlan plan)
    {
        if (e.Case.Disease.BrainMetastases is not { Present: true } bm)
        {
            return;
        }

        var b = BrainFindings.Of(e, bm, systemic, h);
        if (bm.Leptomeningeal == true)
        {
            Leptomeningeal(e, b, plan);
        }

        // Leptomeningeal disease with no parenchymal lesion (count 0): nothing to resect or to aim radiosurgery at.
        var parenchymal = b.Count != 0;
        if (parenchymal && (b.MassEffect || (b.Symptomatic && b.Large)))
        {
            // Trace id LOC-BRAIN-003 (RuleIds.BrainSurgery) is written here; its sources: knowledge/rules/LOC-BRAIN-003.json.
            plan.Add(LocalTherapy.NeurosurgicalResection, RuleIds.BrainSurgery,
                $"{b.Describe()}: resection relieves mass effect quickly and gives tissue if needed; radiosurgery to the cavity afterwards.");
        }

        if (!parenchymal)
        {
            // Only the leptomeningeal pathway above applies.
        }
        else if (b.NeedsLocal)
        {
            LocalTreatment(e, b, plan);
        }
        else if (b.CnsActive && !b.Leptomeningeal)
        {
            Defer(e, b, plan);
        }
        else if (!b.CnsActive)
        {
            WithoutCnsActiveTki(b, plan);
        }

        if (plan.Has(LocalTherapy.Wbrt) && !b.Leptomeningeal)
        {
            // Trace id LOC-BRAIN-008 (RuleIds.WbrtHippocampalMemantine) is written here; its sources: knowledge/rules/LOC-BRAIN-008.json.
            plan.Pathway(CarePathwayCode.WholeBrainRadiotherapy, RuleIds.WbrtHippocampalMemantine);
        }

        // Trace id LOC-BRAIN-011 (RuleIds.BrainSteroids) is written here; its sources: knowledge/rules/LOC-BRAIN-011.json.
        plan.Pathway(b.Symptomatic || b.MassEffect ? CarePathwayCode.SteroidsSymptomatic : CarePathwayCode.SteroidsAsymptomatic, RuleIds.BrainSteroids);
    }

    /// <summary>
    /// What treats the lesions radiosurgery leaves: the CNS-active TKI — unless they grew on that very TKI (continued through
    /// CNS progression), when it is not said to treat them: they are followed, and the systemic options name the switch.
    /// </summary>
    private static string Others(BrainFindings b) => b.Progressing && b.ProgressedOn == b.TkiName
        ? $"with {b.TkiName} continued for the others, which progressed on it: follow them by MRI (the systemic options name the switch to consider)"
        : $"while {b.TkiName}, which is CNS-active, treats the others";

    /// <summary>Symptomatic, mass effect, large or progressing: local treatment, whatever the TKI (LOC-BRAIN-002/006/007/004).</summary>
    private static void LocalTreatment(Evaluation e, BrainFindings b, LocalPlan plan)
    {
        var resected = plan.Has(LocalTherapy.NeurosurgicalResection) ? " (to the resection cavity and any other lesion)" : "";
        if (b.Count is null || b.Count <= b.SrsMax)
        {
            plan.Add(LocalTherapy.Srs, RuleIds.BrainSrs,
                $"{b.Why()} with {b.Lesions()} (≤{b.SrsMax}): stereotactic radiosurgery, precise and with little neurocognitive toxicity{resected}.");
        }
        else if (b.Count <= b.SrsMaxFit && b.Fit)
        {
            // Trace id LOC-BRAIN-006 (RuleIds.BrainSrsFit) is written here; its sources: knowledge/rules/LOC-BRAIN-006.json.
            plan.Add(LocalTherapy.Srs, RuleIds.BrainSrsFit,
                $"{b.Why()} with {b.Lesions()} and {b.Performance()}: stereotactic radiosurgery to each lesion (conditionally recommended for 5–{b.SrsMaxFit} lesions at ECOG 0–{b.FitEcog}), sparing the cognitive toxicity of whole-brain radiotherapy{resected}.");
        }
        else if (b.CnsActive)
        {
            // Trace id LOC-BRAIN-007 (RuleIds.BrainLocalWhateverTki) is written here; its sources: knowledge/rules/LOC-BRAIN-007.json.
            plan.Add(LocalTherapy.Srs, RuleIds.BrainLocalWhateverTki,
                $"{b.Why()} with {b.Lesions()}: radiosurgery (or resection where feasible) to the lesions causing symptoms, the largest or the progressing ones, {Others(b)}.");
        }
        else
        {
            // Trace id LOC-BRAIN-004 (RuleIds.BrainWbrt) is written here; its sources: knowledge/rules/LOC-BRAIN-004.json.
            plan.Add(LocalTherapy.Wbrt, RuleIds.BrainWbrt,
                $"{b.Describe()} with {b.Lesions()} and no effective CNS-penetrant TKI {(b.TkiName is null ? "available" : $"({b.TkiName} has limited CNS activity)")}: whole-brain radiotherapy.");
        }

        if (b.CnsActive)
        {
            var reason = b.Symptomatic || b.MassEffect ? "symptomatic metastases get local therapy whatever the systemic therapy"
                : b.Large ? $"a lesion of {b.LargeMm:0.#} mm or more is treated locally (multifraction radiosurgery or resection)"
                : "the lesions grew on a TKI";
            var alternative = b.Progressing && !b.Symptomatic && !b.MassEffect && !b.Large
                ? $"; with the switch to {b.TkiName}, a multidisciplinary team may instead defer radiosurgery of these asymptomatic lesions with MRI every 2–3 months"
                : "";
            e.Fire(RuleIds.BrainLocalWhateverTki, $"{b.Why()}: local treatment although {b.TkiName} is CNS-active, because {reason}{alternative}.");
        }
    }

    /// <summary>Asymptomatic, small, not progressing, CNS-active TKI: radiotherapy waits, MRI watches (LOC-BRAIN-001/009).</summary>
    private static void Defer(Evaluation e, BrainFindings b, LocalPlan plan)
    {
        var cnsSources = e.Kb.Drug(b.Tki!.Value).Cns?.Provenance.Sources ?? [];
        var decision = $"Asymptomatic brain metastases{(b.Count is { } k ? $" ({k}{(b.LargestMm is { } mm ? $", largest {mm:0.#} mm" : "")})" : "")}: start {b.TkiName}, which is CNS-active, and defer radiotherapy; MRI of the brain every 2–3 months, radiosurgery if lesions progress.";
        e.Fire(RuleIds.BrainTkiFirst, decision, cnsSources);
        plan.Step(CarePathwayCode.DeferredRadiotherapy, decision, [.. e.Kb.Rule(RuleIds.BrainTkiFirst)?.Provenance.Sources ?? [], .. cnsSources]);
        // Trace id LOC-BRAIN-009 (RuleIds.BrainSurveillance) is written here; its sources: knowledge/rules/LOC-BRAIN-009.json.
        plan.Pathway(CarePathwayCode.DeferredRadiotherapy, RuleIds.BrainSurveillance, b.Tki);
    }

    /// <summary>Asymptomatic lesions the drug cannot be relied on for: radiosurgery up to the limit, else WBRT.</summary>
    private static void WithoutCnsActiveTki(BrainFindings b, LocalPlan plan)
    {
        if (b.Count is not { } n)
        {
            return;
        }

        var drug = b.TkiName is null ? "no CNS-active TKI can be given" : $"{b.TkiName} penetrates the CNS poorly";
        if (n <= b.SrsMax)
        {
            plan.Add(LocalTherapy.Srs, RuleIds.BrainSrs,
                $"{n} asymptomatic brain lesion{(n == 1 ? "" : "s")}, but {drug}: radiosurgery rather than relying on the drug.");
        }
        else if (n <= b.SrsMaxFit && b.Fit)
        {
            plan.Add(LocalTherapy.Srs, RuleIds.BrainSrsFit,
                $"{n} asymptomatic brain lesions and {b.Performance()}, but {drug}: radiosurgery to each lesion (conditionally recommended for 5–{b.SrsMaxFit} lesions at ECOG 0–{b.FitEcog}).");
        }
        else
        {
            plan.Add(LocalTherapy.Wbrt, RuleIds.BrainWbrt,
                $"{n} brain lesions and no effective CNS-penetrant TKI can be given{(b.TkiName is null ? "" : $" ({b.TkiName} has limited CNS activity)")}: whole-brain radiotherapy.");
        }
    }

    /// <summary>Leptomeningeal disease: radiotherapy where symptoms call for it, the work-up, a CNS-active TKI (LOC-BRAIN-005/010).</summary>
    private static void Leptomeningeal(Evaluation e, BrainFindings b, LocalPlan plan)
    {
        plan.Add(LocalTherapy.Wbrt, RuleIds.Leptomeningeal,
            $"Leptomeningeal disease: whole-brain (or involved-field) radiotherapy where symptoms call for it, with {(b.CnsActive ? b.TkiName : "a CNS-penetrant TKI such as lorlatinib")} as the backbone of CNS control.");
        // Trace id LOC-BRAIN-010 (RuleIds.LeptomeningealWorkup) is written here; its sources: knowledge/rules/LOC-BRAIN-010.json.
        plan.Pathway(CarePathwayCode.Leptomeningeal, RuleIds.LeptomeningealWorkup);
        if (b.Tki is { } tki)
        {
            var cns = e.Kb.Drug(tki).Cns;
            plan.Step(CarePathwayCode.Leptomeningeal,
                b.CnsActive
                    ? $"For this patient: {b.TkiName}, the first choice, has high intracranial activity."
                    : $"For this patient: the first choice, {b.TkiName}, has {cns?.Activity.Code() ?? "unknown"} intracranial activity; weigh a CNS-active alternative among the options.",
                cns?.Provenance.Sources ?? []);
        }
    }
}
