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
                $"{b.Describe()}: resection relieves mass effect quickly and gives tissue if needed; radiosurgery to the cavity afterwards{(b.Poor ? $" (at ECOG {b.Ecog}, only where a lesion's mass effect causes the decline and removing it may reverse it)" : "")}.");
        }

        if (!parenchymal)
        {
            // Only the leptomeningeal pathway above applies.
        }
        else if (b.Poor && !b.Symptomatic && !b.MassEffect && (b.NeedsLocal || !b.CnsActive))
        {
            PoorPerformance(e, b, plan);
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
            WithoutCnsActiveTki(e, b, plan);
        }

        // Radiosurgery (or radiotherapy to a resection cavity) treats only the lesions it is aimed at: the brain is
        // followed by MRI afterwards, with the TKI whose CNS activity covers the rest when there is one.
        // A resection followed by whole-brain radiotherapy (lesions beyond radiosurgery) has no cavity radiosurgery.
        if (plan.Has(LocalTherapy.Srs) || (plan.Has(LocalTherapy.NeurosurgicalResection) && !plan.Has(LocalTherapy.Wbrt)))
        {
            // Trace id LOC-BRAIN-013 (RuleIds.BrainAfterRadiosurgery) is written here; its sources: knowledge/rules/LOC-BRAIN-013.json.
            plan.Pathway(CarePathwayCode.PostRadiosurgerySurveillance, RuleIds.BrainAfterRadiosurgery, b.Tki);
        }

        // Hippocampal avoidance and memantine are for patients expected to live long enough to gain from them (NRG
        // CC001 enrolled KPS 70 or more; ASTRO 2022: favourable prognosis), not at ECOG 3-4.
        if (plan.Has(LocalTherapy.Wbrt) && !b.Leptomeningeal && !b.Poor)
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

    /// <summary>Which lesions radiosurgery is aimed at, by what the case says of them.</summary>
    private static string Targets(BrainFindings b)
    {
        var which = new List<string>();
        if (b.Symptomatic)
        {
            which.Add("the lesions causing symptoms");
        }

        if (b.MassEffect || b.Large)
        {
            which.Add(which.Count == 0 ? "the largest lesions" : "the largest");
        }

        if (b.Progressing)
        {
            which.Add(which.Count == 0 ? "the progressing lesions" : "the progressing ones");
        }

        return which.Count switch
        {
            0 => "the lesions needing treatment",
            1 => which[0],
            _ => $"{string.Join(", ", which[..^1])} and {which[^1]}",
        };
    }

    /// <summary>
    /// ECOG 3-4 with asymptomatic lesions that would otherwise be treated (large, progressing, or no CNS-active TKI):
    /// radiotherapy is not given routinely (ASTRO 2022's radiosurgery recommendations are for ECOG 0-2; early palliative
    /// care for a poor prognosis); a TKI, which may restore performance status, still treats them (LOC-BRAIN-012).
    /// </summary>
    private static void PoorPerformance(Evaluation e, BrainFindings b, LocalPlan plan)
    {
        var lesions = b.Count is { } n ? $"{n} lesion{(n == 1 ? "" : "s")}" : "number not given";
        var why = b.Progressing ? $", progressing on {b.ProgressedOn}" : b.Large ? $", largest {b.LargestMm:0.#} mm" : "";
        var drug = b.Tki is not { } tki ? "no TKI is planned"
            : b.CnsActive ? $"{b.TkiName}, which is CNS-active, is the treatment they get"
            : $"{b.TkiName} (intracranial activity {e.Kb.Drug(tki).Cns?.Activity.Code() ?? "not recorded"}) is the systemic treatment";
        var decision = $"ECOG {b.Ecog} with asymptomatic brain metastases ({lesions}{why}): radiotherapy is not given routinely at this performance status, since radiosurgery is recommended at ECOG 0–{b.FitEcog}; {drug}; early palliative care for symptom control and caregiver support; MRI of the brain every 2–3 months, with local therapy reconsidered if symptoms start or performance status recovers.";
        // Trace id LOC-BRAIN-012 (RuleIds.BrainPoorPerformance) is written here; its sources: knowledge/rules/LOC-BRAIN-012.json.
        e.Fire(RuleIds.BrainPoorPerformance, decision);
        plan.Step(CarePathwayCode.DeferredRadiotherapy, decision, e.Kb.Rule(RuleIds.BrainPoorPerformance)?.Provenance.Sources ?? []);
    }

    /// <summary>Symptomatic, mass effect, large or progressing: local treatment, whatever the TKI (LOC-BRAIN-002/006/007/004).</summary>
    private static void LocalTreatment(Evaluation e, BrainFindings b, LocalPlan plan)
    {
        var resected = plan.Has(LocalTherapy.NeurosurgicalResection) ? " (to the resection cavity and any other lesion)" : "";
        // At ECOG 3-4 radiotherapy is given to relieve symptoms, not for control: ASTRO's radiosurgery recommendations
        // are for ECOG 0-2.
        var palliative = b.Poor ? $"; at ECOG {b.Ecog}, to relieve symptoms (the radiosurgery recommendations are for ECOG 0–{b.FitEcog}), with early palliative care" : "";
        if (b.Count is null)
        {
            plan.Add(LocalTherapy.Srs, RuleIds.BrainSrs,
                $"{b.Why()}, number of lesions not given{(b.Leptomeningeal ? " (radiosurgery treats parenchymal lesions, not the leptomeningeal disease)" : "")}: stereotactic radiosurgery if there are at most {b.SrsMax} (5–{b.SrsMaxFit} at ECOG 0–{b.FitEcog}); the count on MRI decides between radiosurgery and other approaches{resected}{palliative}.");
        }
        else if (b.Count <= b.SrsMax)
        {
            plan.Add(LocalTherapy.Srs, RuleIds.BrainSrs,
                $"{b.Why()} with {b.Lesions()} (≤{b.SrsMax}): stereotactic radiosurgery, precise and with little neurocognitive toxicity{resected}{palliative}.");
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
                $"{b.Why()} with {b.Lesions()}: radiosurgery (or resection where feasible) to {Targets(b)}, {Others(b)}{palliative}.");
        }
        else if (b.ContinuedBeside && b.TkiName is null)
        {
            // The lesions grew on the TKI taken now, beyond radiosurgery's reach (SYS-CONT-007): the systemic options
            // switch, with that TKI continued beside this radiotherapy as the alternative.
            // Trace id LOC-BRAIN-004 (RuleIds.BrainWbrt) is written here; its sources: knowledge/rules/LOC-BRAIN-004.json.
            plan.Add(LocalTherapy.Wbrt, RuleIds.BrainWbrt,
                $"{b.Why()} with {b.Lesions()}, more than radiosurgery is offered for: whole-brain radiotherapy, whether the plan switches or {b.ProgressedOn} is continued beside it{(b.Poor ? $"; a short palliative course for symptoms at ECOG {b.Ecog}, with early palliative care" : "")}.");
        }
        else
        {
            // Trace id LOC-BRAIN-004 (RuleIds.BrainWbrt) is written here; its sources: knowledge/rules/LOC-BRAIN-004.json.
            plan.Add(LocalTherapy.Wbrt, RuleIds.BrainWbrt,
                $"{b.Describe()} with {b.Lesions()} and no effective CNS-penetrant TKI {(b.TkiName is null ? "available" : $"({b.TkiName} has limited CNS activity)")}: whole-brain radiotherapy{(b.Poor ? $", a short palliative course for symptoms at ECOG {b.Ecog}, with early palliative care" : "")}.");
        }

        if (b.CnsActive)
        {
            var reason = b.Symptomatic ? "symptomatic metastases get local therapy whatever the systemic therapy"
                : b.MassEffect ? "a lesion with mass effect is treated locally whatever the systemic therapy"
                : b.Large ? $"a lesion of {b.LargeMm:0.#} mm or more is treated locally (multifraction radiosurgery or resection)"
                : $"the lesions grew on {b.ProgressedOn}";
            // Deferring radiosurgery of lesions that grew is an option only with a switch to another CNS-active TKI, never
            // while the TKI they grew on continues.
            var alternative = b.Progressing && b.ProgressedOn != b.TkiName && !b.Symptomatic && !b.MassEffect && !b.Large
                ? $"; with the switch to {b.TkiName}, a multidisciplinary team may instead defer radiosurgery of these asymptomatic lesions with MRI every 2–3 months"
                : "";
            e.Fire(RuleIds.BrainLocalWhateverTki, $"{b.Why()}: local treatment although {b.TkiName} is CNS-active, because {reason}{alternative}.");
        }
    }

    /// <summary>Asymptomatic, small, not progressing, CNS-active TKI: radiotherapy waits, MRI watches (LOC-BRAIN-001/009).</summary>
    private static void Defer(Evaluation e, BrainFindings b, LocalPlan plan)
    {
        var cnsSources = e.Kb.Drug(b.Tki!.Value).Cns?.Provenance.Sources ?? [];
        var what = b.SymptomsNotStated ? "Brain metastases, symptoms not stated in the case" : "Asymptomatic brain metastases";
        var ifSymptomatic = b.SymptomsNotStated ? " This holds only if they cause no symptoms: symptomatic metastases get local treatment first." : "";
        var decision = $"{what}{(b.Count is { } k ? $" ({k}{(b.LargestMm is { } mm ? $", largest {mm:0.#} mm" : "")})" : "")}: start {b.TkiName}, which is CNS-active, and defer radiotherapy; MRI of the brain every 2–3 months, radiosurgery if lesions progress.{ifSymptomatic}";
        e.Fire(RuleIds.BrainTkiFirst, decision, cnsSources);
        plan.Step(CarePathwayCode.DeferredRadiotherapy, decision, [.. e.Kb.Rule(RuleIds.BrainTkiFirst)?.Provenance.Sources ?? [], .. cnsSources]);
        // Trace id LOC-BRAIN-009 (RuleIds.BrainSurveillance) is written here; its sources: knowledge/rules/LOC-BRAIN-009.json.
        plan.Pathway(CarePathwayCode.DeferredRadiotherapy, RuleIds.BrainSurveillance, b.Tki);
    }

    /// <summary>Asymptomatic lesions the drug cannot be relied on for: radiosurgery up to the limit, else WBRT.</summary>
    private static void WithoutCnsActiveTki(Evaluation e, BrainFindings b, LocalPlan plan)
    {
        if (b.Count is not { } n)
        {
            return;
        }

        var drug = b.Tki is not { } tki ? "no CNS-active TKI can be given"
            : $"{b.TkiName}'s intracranial activity is {e.Kb.Drug(tki).Cns?.Activity.Code() ?? "not recorded"}, not high enough to rely on";
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
        // A TKI the leptomeningeal disease is progressing on is no backbone of its control; neither is a drug the
        // options do not hold (lorlatinib avoided or unobtainable), so none is named then.
        var failing = b.Progressing && b.ProgressedOn == b.TkiName;
        var backbone = b.CnsActive && !failing ? $"with {b.TkiName} as the backbone of CNS control" : "with a CNS-active systemic therapy from the options as the backbone of CNS control";
        plan.Add(LocalTherapy.Wbrt, RuleIds.Leptomeningeal,
            $"Leptomeningeal disease: whole-brain (or involved-field) radiotherapy where symptoms call for it, {backbone}.");
        // Trace id LOC-BRAIN-010 (RuleIds.LeptomeningealWorkup) is written here; its sources: knowledge/rules/LOC-BRAIN-010.json.
        plan.Pathway(CarePathwayCode.Leptomeningeal, RuleIds.LeptomeningealWorkup);
        if (b.Tki is { } tki)
        {
            var cns = e.Kb.Drug(tki).Cns;
            plan.Step(CarePathwayCode.Leptomeningeal,
                failing
                    ? $"For this patient: the disease progressed in the CNS on {b.TkiName}, the first choice continued: weigh a CNS-active alternative among the options, a clinical trial, or intrathecal or craniospinal treatment in a specialist centre."
                    : b.CnsActive
                    ? $"For this patient: {b.TkiName}, the first choice, has high intracranial activity."
                    : $"For this patient: the first choice, {b.TkiName}, has {cns?.Activity.Code() ?? "unknown"} intracranial activity; weigh a CNS-active alternative among the options.",
                cns?.Provenance.Sources ?? []);
        }
    }
}
