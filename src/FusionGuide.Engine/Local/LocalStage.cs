using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Systemic;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Local;

/// <summary>
/// Local therapy (review §5.3): brain metastases, oligometastatic disease, oligoprogression on a TKI and central
/// airway obstruction; thresholds from the knowledge base.
/// </summary>
internal static class LocalStage
{
    private static readonly MetastaticSite[] ResectableSites = [MetastaticSite.Adrenal, MetastaticSite.Brain, MetastaticSite.Lung];
    private static readonly MetastaticSite[] AblatableSites = [MetastaticSite.Liver, MetastaticSite.Lung];

    public static IReadOnlyList<LocalTherapyOption> Run(Evaluation e, Driver driver, SystemicOutcome systemic, TreatmentHistory h)
    {
        var list = new List<LocalTherapyOption>();
        if (e.Case.Disease.CentralAirwayObstruction == true)
        {
            Airway(e, list);
        }

        if (driver is not (Driver.Alk or Driver.Ros1) || systemic.Setting == Setting.Adjuvant)
        {
            return list;
        }

        Brain(e, systemic, h, list);
        if (systemic.ContinuingThroughLimitedProgression && h.ContinuedThroughLimitedProgression is { } cont)
        {
            Oligoprogression(e, cont, list);
        }
        else if (h.Failed.Count == 0 && h.Current is null)
        {
            Oligometastatic(e, list);
        }

        return list;
    }

    private static void Brain(Evaluation e, SystemicOutcome systemic, TreatmentHistory h, List<LocalTherapyOption> list)
    {
        var bm = e.Case.Disease.BrainMetastases;
        if (bm?.Present != true)
        {
            return;
        }

        var count = bm.Count;
        var srsMax = e.Kb.ClinicalThresholds.SrsMaxBrainLesions;
        var largeMm = e.Kb.ClinicalThresholds.BrainLargeLesionMm;
        var tki = systemic.FirstChoice is { } first && e.Kb.Drug(first).IsTargeted ? first : (Therapy?)null;
        var cnsActive = tki is { } t && e.Kb.Drug(t).Cns?.Activity == CnsLevel.High;
        var tkiName = tki is { } n ? e.Name(n) : null;
        // CNS-only progression calls for local therapy when the TKI is continued; after a switch to a CNS-active
        // TKI, asymptomatic lesions follow the TKI-first rule like new ones.
        var cnsProgression = systemic.ContinuingThroughLimitedProgression && h.ContinuedThroughLimitedProgression?.ProgressionPattern == ProgressionPattern.Cns;
        var large = bm.LargestMm is { } mm && mm >= largeMm;
        var needsTreatment = bm.Symptomatic == true || bm.MassEffect == true || cnsProgression;

        if (bm.Leptomeningeal == true)
        {
            Add(e, list, LocalTherapy.Wbrt, RuleIds.Leptomeningeal,
                $"Leptomeningeal disease: whole-brain (or involved-field) radiotherapy where symptoms call for it, with {(cnsActive ? tkiName : "a CNS-penetrant TKI such as lorlatinib")} as the backbone of CNS control.");
        }

        if (bm.MassEffect == true || (bm.Symptomatic == true && large))
        {
            Add(e, list, LocalTherapy.NeurosurgicalResection, RuleIds.BrainSurgery,
                $"{Describe(bm)}: resection relieves mass effect quickly and gives tissue if needed; radiosurgery to the cavity afterwards.");
        }

        if (needsTreatment && (count is null || count <= srsMax))
        {
            var what = cnsProgression ? "CNS-only progression on a TKI that is continued" : Describe(bm);
            Add(e, list, LocalTherapy.Srs, RuleIds.BrainSrs,
                $"{what} with {(count is { } c ? $"{c} lesion{(c == 1 ? "" : "s")}" : "a limited number of lesions")} (≤{srsMax}): stereotactic radiosurgery, precise and with little neurocognitive toxicity{(list.Any(x => x.Therapy == LocalTherapy.NeurosurgicalResection) ? " (to the resection cavity and any other lesion)" : "")}.");
        }
        else if (needsTreatment && count > srsMax && !cnsActive)
        {
            Add(e, list, LocalTherapy.Wbrt, RuleIds.BrainWbrt,
                $"{Describe(bm)} with {count} lesions and no effective CNS-penetrant TKI {(tkiName is null ? "available" : $"({tkiName} has limited CNS activity)")}: whole-brain radiotherapy.");
        }
        else if (!needsTreatment && !cnsActive && count > srsMax)
        {
            Add(e, list, LocalTherapy.Wbrt, RuleIds.BrainWbrt,
                $"{count} brain lesions and no effective CNS-penetrant TKI can be given{(tkiName is null ? "" : $" ({tkiName} has limited CNS activity)")}: whole-brain radiotherapy.");
        }
        else if (!needsTreatment && !cnsActive && count is { } few && few <= srsMax)
        {
            Add(e, list, LocalTherapy.Srs, RuleIds.BrainSrs,
                $"{few} asymptomatic brain lesion{(few == 1 ? "" : "s")}, but {(tkiName is null ? "no CNS-active TKI can be given" : $"{tkiName} penetrates the CNS poorly")}: radiosurgery rather than relying on the drug.");
        }

        if (!needsTreatment && cnsActive && bm.Leptomeningeal != true)
        {
            e.Fire(RuleIds.BrainTkiFirst, $"Asymptomatic brain metastases{(count is { } k ? $" ({k})" : "")}: start {tkiName}, which is CNS-active, and defer radiotherapy; MRI of the brain every 2–3 months, radiosurgery if lesions progress.", e.Kb.Drug(tki!.Value).Cns?.Provenance.Sources ?? []);
        }
    }

    private static string Describe(BrainMetastases bm)
    {
        var bits = new List<string>();
        if (bm.Symptomatic == true)
        {
            bits.Add("symptomatic");
        }

        if (bm.LargestMm is { } mm)
        {
            bits.Add($"{mm:0.#} mm");
        }

        if (bm.MassEffect == true)
        {
            bits.Add("with mass effect");
        }

        return $"Brain metastases ({(bits.Count == 0 ? "needing treatment" : string.Join(", ", bits))})";
    }

    private static void Oligometastatic(Evaluation e, List<LocalTherapyOption> list)
    {
        var lesions = e.Case.Disease.LesionCount;
        var max = e.Kb.ClinicalThresholds.OligometastaticMaxLesions;
        var sites = e.Case.Disease.Sites;
        var extracranial = sites.Where(s => s != MetastaticSite.Brain).ToList();
        if (lesions is not { } n || n < 1 || n > max || extracranial.Count == 0)
        {
            return;
        }

        var siteText = string.Join(", ", sites.Select(Codes.MetastaticSite.Code));
        Add(e, list, LocalTherapy.Sbrt, RuleIds.Oligometastatic,
            $"Oligometastatic disease ({n} lesion{(n == 1 ? "" : "s")}: {siteText}): stereotactic body radiotherapy to each site, consolidating the response to systemic therapy.", LocalIndication.Oligometastatic);
        var resectable = extracranial.Where(ResectableSites.Contains).ToList();
        if (resectable.Count > 0)
        {
            Add(e, list, LocalTherapy.Metastasectomy, RuleIds.Oligometastatic,
                $"Isolated {string.Join(" and ", resectable.Select(Codes.MetastaticSite.Code))} metastasis: surgical resection is an alternative to SBRT.", LocalIndication.Oligometastatic);
        }

        var ablatable = extracranial.Where(AblatableSites.Contains).ToList();
        if (ablatable.Count > 0)
        {
            Add(e, list, LocalTherapy.Rfa, RuleIds.Oligometastatic,
                $"{string.Join(" and ", ablatable.Select(Codes.MetastaticSite.Code))} lesion: radiofrequency ablation for selected lesions.", LocalIndication.Oligometastatic);
        }
    }

    private static void Oligoprogression(Evaluation e, HistoryEntry cont, List<LocalTherapyOption> list)
    {
        if (cont.ProgressionPattern != ProgressionPattern.Oligoprogression)
        {
            return;
        }

        var sites = e.Case.Disease.Sites.Where(s => s != MetastaticSite.Brain).Select(Codes.MetastaticSite.Code).ToList();
        Add(e, list, LocalTherapy.Sbrt, RuleIds.Oligoprogression,
            $"Oligoprogression on {e.Name(cont.Therapy)}{(sites.Count > 0 ? $" ({string.Join(", ", sites)})" : "")}: stereotactic body radiotherapy to the progressing site(s) while {e.Name(cont.Therapy)} continues.", LocalIndication.Oligoprogression);
        if (e.Case.Disease.Sites.Contains(MetastaticSite.Liver))
        {
            Add(e, list, LocalTherapy.Rfa, RuleIds.Oligoprogression,
                $"A progressing liver lesion may be ablated by radiofrequency instead while {e.Name(cont.Therapy)} continues.", LocalIndication.Oligoprogression);
        }
    }

    private static void Airway(Evaluation e, List<LocalTherapyOption> list)
    {
        const string why = "Central airway obstruction: ";
        Add(e, list, LocalTherapy.BronchoscopicDebulking, RuleIds.Airway, why + "bronchoscopic debulking restores the airway quickly and lets systemic therapy start.", LocalIndication.CentralAirway);
        Add(e, list, LocalTherapy.EndobronchialLaser, RuleIds.Airway, why + "endobronchial laser for exophytic intraluminal tumour.", LocalIndication.CentralAirway);
        Add(e, list, LocalTherapy.Cryotherapy, RuleIds.Airway, why + "cryotherapy (cryo-recanalisation) as an alternative to laser.", LocalIndication.CentralAirway);
        Add(e, list, LocalTherapy.AirwayStent, RuleIds.Airway, why + "an airway stent for extrinsic compression or after debulking.", LocalIndication.CentralAirway);
    }

    private static void Add(Evaluation e, List<LocalTherapyOption> list, LocalTherapy therapy, string rule, string rationale, LocalIndication indication = LocalIndication.BrainMetastases)
    {
        if (list.Any(x => x.Therapy == therapy))
        {
            return;
        }

        var refs = e.Kb.Rule(rule)?.Provenance.Sources ?? [];
        rationale = Evaluation.Sentence(rationale);
        list.Add(new LocalTherapyOption { Therapy = therapy, Indication = indication, Rationale = rationale, References = refs });
        e.Fire(rule, rationale);
    }
}
