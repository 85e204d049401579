using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-ADJ-001: completely resected stage IB–IIIA disease (ALINA's population, AJCC 7th edition) gets the adjuvant table in
/// force; so does stage IIIB, which the case gives in the 8th edition: its T3N2 disease was IIIA in the 7th and inside
/// ALINA, its T4N2 and N3 disease was not — the answer asks for the TNM rather than sending a disease-free patient to
/// open-ended metastatic therapy. Stage IA gets no adjuvant systemic therapy; another stage marked resected is treated as
/// advanced disease, with a warning.
/// Sources: the rule catalogue and the adjuvant table.
/// </summary>
internal static class AdjuvantTherapy
{
    public const string Id = "SYS-ADJ-001";

    private static readonly Stage[] AdjuvantStages = [Stage.IB, Stage.IIA, Stage.IIB, Stage.IIIA, Stage.IIIB];

    /// <summary>Resected, no systemic failure since, and no distant metastasis recorded: the adjuvant question is asked.</summary>
    public static bool Applies(PlanState p) => p.E.Case.Tumor.Resected == true && p.H.Failed.Count == 0 && p.DistantMetastases.Count == 0;

    /// <summary>
    /// Marked resected, but distant metastases are recorded (a brain metastasis beside a resected primary is stage IV):
    /// the case is read as advanced disease, and the answer says so (never adjuvant therapy beside untreated metastases).
    /// </summary>
    public static void WarnIfMetastatic(PlanState p)
    {
        if (p.E.Case.Tumor.Resected != true || p.H.Failed.Count > 0 || p.DistantMetastases is not { Count: > 0 } distant)
        {
            return;
        }

        var msg = $"The tumour is marked resected, but distant metastases are recorded ({string.Join(", ", distant)}): that is stage IV disease, so the case is read as advanced, not adjuvant. Correct the case if the metastases were ruled out.";
        p.E.Warn(WarningCodes.StageInconsistent, msg);
        p.E.Fire(Id, msg);
    }

    /// <summary>The stage when it is one the adjuvant trials enrolled.</summary>
    public static Stage? EligibleStage(PlanState p) => p.E.Case.Tumor.Stage is { } stage && AdjuvantStages.Contains(stage) ? stage : null;

    /// <summary>Stage IA: no adjuvant systemic therapy (true); any other stage outside IB–IIIA: warned, treated as advanced (false).</summary>
    public static bool NoAdjuvantTherapy(PlanState p)
    {
        if (p.E.Case.Tumor.Stage is Stage.IA)
        {
            // Said as a warning too: an empty option list alone reads as if the engine had found nothing.
            var alina = p.Kinase == Gene.Alk ? " (ALINA enrolled stage IB ≥4 cm to IIIA)" : "";
            var msg = $"Completely resected stage IA {p.KinaseCode}-positive NSCLC: no adjuvant systemic therapy is indicated{alina}; surveillance, and a recurrence is planned as advanced disease.";
            p.E.Warn(WarningCodes.WhatComesNext, msg);
            p.E.Fire(Id, msg);
            return true;
        }

        p.E.Warn(WarningCodes.StageInconsistent, $"The tumour is marked resected, but stage {(p.E.Case.Tumor.Stage is { } s ? Codes.Stage.Code(s) : "(not given)")} is not the IB–IIIB adjuvant range: the case is treated as advanced disease.");
        return false;
    }

    /// <summary>The adjuvant table in force on asOf, traced; null (traced) when none is.</summary>
    public static Regimen? Table(PlanState p, Stage stage)
    {
        var e = p.E;
        p.Situation = $"completely resected stage {Codes.Stage.Code(stage)} {p.KinaseCode}-positive NSCLC";
        var table = GuidelineTable.Find(p, RegimenSetting.Adjuvant, null);
        if (table is null)
        {
            e.Fire(Id, $"No adjuvant table in force for {p.KinaseCode} on {e.AsOfText}.");
            return null;
        }

        e.Fire(Id, $"Resected stage {Codes.Stage.Code(stage)}: the adjuvant table {table.Id} applies.", [table.Guideline]);
        if (stage == Stage.IB)
        {
            e.Warn(WarningCodes.AdjuvantStage, "Stage IB qualifies for adjuvant alectinib only with a tumour ≥4 cm (ALINA, AJCC 7th edition): confirm the size.");
        }

        if (stage == Stage.IIIB)
        {
            var alina = p.Kinase == Gene.Alk
                ? "ALINA enrolled stage IB (≥4 cm) to IIIA by the AJCC 7th edition: an 8th-edition IIIB tumour qualifies for adjuvant alectinib only if it was IIIA then — T3N2, which includes an 8th-edition T4 by size (>7 cm) or diaphragm invasion (T3 in the 7th edition); T4N2 by invasion of other structures or a nodule in another ipsilateral lobe, and N3 disease, were IIIB then and outside the trial — confirm the TNM before choosing between the options"
                : "confirm the TNM: the adjuvant evidence is for resected stage IB–IIIA (AJCC 7th edition), which includes 8th-edition IIIB only where it was IIIA then (T3N2, with an 8th-edition T4 by size or diaphragm invasion)";
            e.Warn(WarningCodes.AdjuvantStage, $"Resected stage IIIB: {alina}.");
        }

        return table;
    }
}
