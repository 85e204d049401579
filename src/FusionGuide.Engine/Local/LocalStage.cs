using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Systemic;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Local;

/// <summary>
/// Local therapy (review §5.3): brain metastases (<see cref="BrainStage"/>, with the brain plan's steps), oligometastatic
/// disease, oligoprogression on a TKI and central airway obstruction; thresholds from the knowledge base.
/// </summary>
internal static class LocalStage
{
    private static readonly MetastaticSite[] ResectableSites = [MetastaticSite.Adrenal, MetastaticSite.Brain, MetastaticSite.Lung];
    private static readonly MetastaticSite[] AblatableSites = [MetastaticSite.Liver, MetastaticSite.Lung];

    public static LocalOutcome Run(Evaluation e, Driver driver, SystemicOutcome systemic, TreatmentHistory h)
    {
        var plan = new LocalPlan(e);
        if (e.Case.Disease.CentralAirwayObstruction == true)
        {
            Airway(plan);
        }

        if (driver is not (Driver.Alk or Driver.Ros1) || systemic.Setting == Setting.Adjuvant)
        {
            return plan.Outcome();
        }

        BrainStage.Run(e, systemic, h, plan);
        if (systemic.ContinuingThroughLimitedProgression && h.ContinuedThroughLimitedProgression is { } cont)
        {
            Oligoprogression(e, cont, plan);
        }
        else if (h.Failed.Count == 0 && h.Current is null)
        {
            Oligometastatic(e, plan);
        }

        return plan.Outcome();
    }

    private static void Oligometastatic(Evaluation e, LocalPlan plan)
    {
        var lesions = e.Case.Disease.LesionCount;
        var max = e.Kb.ClinicalThresholds.OligometastaticMaxLesions;
        var sites = e.Case.Disease.Sites;
        var extracranial = sites.Where(s => s != MetastaticSite.Brain).ToList();
        if (e.Case.Disease.BrainMetastases?.Leptomeningeal == true && lesions is > 0 && extracranial.Count > 0)
        {
            // Leptomeningeal spread is disseminated disease whatever the lesion count: nothing is consolidated.
            e.Fire(RuleIds.Oligometastatic, "Leptomeningeal disease is disseminated disease, whatever the count of lesions: it is not oligometastatic, so no local consolidative therapy is proposed.");
            return;
        }

        if (lesions is { } many && many > max && extracranial.Count > 0)
        {
            // Said, not silently skipped: the limit decides, and its sources may disagree on it.
            e.Fire(RuleIds.Oligometastatic, $"{many} metastatic lesions: more than the {max} of oligometastatic disease used here, so no local consolidative therapy is proposed.{LimitCaveat(e, max)}",
                e.Kb.ClinicalThresholds.OligometastaticMaxLesionsProvenance.Sources);
            return;
        }

        if (lesions is not { } n || n < 1 || n > max || extracranial.Count == 0)
        {
            return;
        }

        var siteText = string.Join(", ", sites.Select(Codes.MetastaticSite.Code));
        // Brain lesions are counted in the limit but planned by the brain plan (radiosurgery, or deferral on a
        // CNS-active TKI), not by body radiotherapy.
        var target = sites.Contains(MetastaticSite.Brain)
            ? $"each extracranial lesion ({string.Join(", ", extracranial.Select(Codes.MetastaticSite.Code))}; brain lesions as the brain plan says)"
            : "each site";
        // The EORTC consensus (Dingemans 2019) makes FDG-PET-CT and brain imaging mandatory before disease is called
        // oligometastatic, and asks for thoracoscopy with biopsies of distant ipsilateral pleural sites before a solitary
        // pleural metastasis is: pleural disease is often diffuse.
        var staging = " Before consolidation, FDG-PET-CT and brain imaging confirm that these are the only sites.";
        var pleura = sites.Contains(MetastaticSite.Pleura)
            ? " A pleural deposit counts as oligometastatic only after thoracoscopy with biopsies of distant pleural sites excludes wider pleural spread."
            : "";
        // Trace id LOC-OLIGO-001 (RuleIds.Oligometastatic) is written here; its sources: knowledge/rules/LOC-OLIGO-001.json.
        plan.Add(LocalTherapy.Sbrt, RuleIds.Oligometastatic,
            $"Oligometastatic disease ({n} lesion{(n == 1 ? "" : "s")}: {siteText}): stereotactic body radiotherapy to {target}, consolidating the response to systemic therapy.{staging}{pleura}{LimitCaveat(e, max)}", LocalIndication.Oligometastatic);
        var resectable = extracranial.Where(ResectableSites.Contains).ToList();
        if (resectable.Count > 0)
        {
            plan.Add(LocalTherapy.Metastasectomy, RuleIds.Oligometastatic,
                $"Isolated {string.Join(" and ", resectable.Select(Codes.MetastaticSite.Code))} metastasis: surgical resection is an alternative to SBRT.", LocalIndication.Oligometastatic);
        }

        var ablatable = extracranial.Where(AblatableSites.Contains).ToList();
        if (ablatable.Count > 0)
        {
            plan.Add(LocalTherapy.Rfa, RuleIds.Oligometastatic,
                $"{string.Join(" and ", ablatable.Select(Codes.MetastaticSite.Code))} lesion: radiofrequency ablation for selected lesions.", LocalIndication.Oligometastatic);
        }
    }

    // The lesion limit's sources disagree (3 or 5): the row it decides names that (issue #17 item 4).
    private static string LimitCaveat(Evaluation e, int max) =>
        RowCaveats.Disputed(e.Kb.ClinicalThresholds.OligometastaticMaxLesionsProvenance) is { } d ? $" Limit of {max} lesions: {d}." : "";

        private static void Oligoprogression(Evaluation e, HistoryEntry cont, LocalPlan plan)
    {
        if (cont.ProgressionPattern != ProgressionPattern.Oligoprogression)
        {
            return;
        }

        var sites = e.Case.Disease.Sites.Where(s => s != MetastaticSite.Brain).Select(Codes.MetastaticSite.Code).ToList();
        // Trace id LOC-OLIGO-002 (RuleIds.Oligoprogression) is written here; its sources: knowledge/rules/LOC-OLIGO-002.json.
        plan.Add(LocalTherapy.Sbrt, RuleIds.Oligoprogression,
            $"Oligoprogression on {e.Name(cont.Therapy)}{(sites.Count > 0 ? $" ({string.Join(", ", sites)})" : "")}: stereotactic body radiotherapy to the progressing site(s) while {e.Name(cont.Therapy)} continues.", LocalIndication.Oligoprogression);
        if (e.Case.Disease.Sites.Contains(MetastaticSite.Liver))
        {
            plan.Add(LocalTherapy.Rfa, RuleIds.Oligoprogression,
                $"A progressing liver lesion may be ablated by radiofrequency instead while {e.Name(cont.Therapy)} continues.", LocalIndication.Oligoprogression);
        }
    }

    private static void Airway(LocalPlan plan)
    {
        const string why = "Central airway obstruction: ";
        // Trace id LOC-AIRWAY-001 (RuleIds.Airway) is written here; its sources: knowledge/rules/LOC-AIRWAY-001.json.
        plan.Add(LocalTherapy.BronchoscopicDebulking, RuleIds.Airway, why + "bronchoscopic debulking restores the airway quickly and lets systemic therapy start.", LocalIndication.CentralAirway);
        plan.Add(LocalTherapy.EndobronchialLaser, RuleIds.Airway, why + "endobronchial laser for exophytic intraluminal tumour.", LocalIndication.CentralAirway);
        plan.Add(LocalTherapy.Cryotherapy, RuleIds.Airway, why + "cryotherapy (cryo-recanalisation) as an alternative to laser.", LocalIndication.CentralAirway);
        plan.Add(LocalTherapy.AirwayStent, RuleIds.Airway, why + "an airway stent for extrinsic compression or after debulking.", LocalIndication.CentralAirway);
    }
}
