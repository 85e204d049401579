using FusionGuide.Domain;
using FusionGuide.Engine.Treatment;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-STAGE-001: stage I–III disease, not marked resected, never treated and with no distant metastasis recorded is
/// treated with curative intent first (resection, radiotherapy or chemoradiotherapy); the ALK/ROS1 TKIs' first-line
/// approvals are for metastatic (US) or advanced (EU) disease, so the first-line options are given only for the case
/// that the disease is not amenable to it, and the answer says so.
/// SYS-STAGE-002: a stage I–III that distant metastases contradict is read as advanced (stage IV) disease, with a warning.
/// SYS-STAGE-003: no stage and nothing else that says the disease is advanced (no distant site, no therapy given): the
/// options assume advanced disease and the answer says so, rather than treating an unknown stage as stage IV silently.
/// SYS-STAGE-004: advanced disease whose brain status is not given (no brainMetastases.present, no brain site): brain
/// MRI belongs to its staging, and the choice of TKI and of local treatment turns on it, so the answer asks for it
/// rather than reading "not stated" as "none".
/// Sources: the rule catalogue (knowledge/rules/SYS-STAGE-00*.json).
/// </summary>
internal static class StageIntent
{
    public const string CurativeId = "SYS-STAGE-001";
    public const string ContradictedId = "SYS-STAGE-002";
    public const string NotStagedId = "SYS-STAGE-003";
    public const string BrainNotStatedId = "SYS-STAGE-004";

    /// <summary>Sites that are distant (M1) metastases whatever the primary: a lung nodule or a lymph node may be regional
    /// (T3/T4, N1–N3) and says nothing on its own.</summary>
    private static readonly MetastaticSite[] DistantSites =
        [MetastaticSite.Brain, MetastaticSite.Bone, MetastaticSite.Liver, MetastaticSite.Adrenal, MetastaticSite.Pleura, MetastaticSite.Pericardium];

    /// <summary>SYS-STAGE-004: advanced disease with no brain status given — ask for it, never read it as none.</summary>
    public static void CheckBrainStatus(PlanState p)
    {
        var c = p.E.Case;
        var advanced = c.Tumor.Resected != true && (c.Tumor.Stage is not { } stage || !IsLimited(stage) || p.DistantMetastases.Count > 0 || c.History.Count > 0);
        if (!advanced || c.Disease.BrainMetastases?.Present is not null || c.Disease.Sites.Contains(MetastaticSite.Brain))
        {
            return;
        }

        var msg = $"Whether there are brain metastases is not stated: brain MRI with contrast belongs to the staging of advanced NSCLC, and in {p.KinaseCode}-positive disease it decides the TKI (intracranial activity) and whether local treatment is needed. The options below are ranked as if there were none; give the brain status.";
        p.E.Warn(WarningCodes.BrainStatusNotGiven, msg);
        p.E.Fire(BrainNotStatedId, msg);
    }

    /// <summary>Warns on a limited stage, and sets the first-line situation to say for whom the options are.</summary>
    public static void Check(PlanState p)
    {
        var c = p.E.Case;
        if (c.Tumor.Stage is null && c.Tumor.Resected != true && c.History.Count == 0 && p.DistantMetastases.Count == 0)
        {
            // SYS-STAGE-003: nothing says the disease is advanced; the options assume it is, and the answer says so.
            var unstaged = $"No stage is given and no distant metastasis is recorded: the options below are for advanced (stage IV) {p.KinaseCode}-positive NSCLC. If the disease is localised (stage I-III), curative-intent treatment (resection, radiotherapy or chemoradiotherapy) comes first; give the stage.";
            p.E.Warn(WarningCodes.StageNotGiven, unstaged);
            p.E.Fire(NotStagedId, unstaged);
            return;
        }

        if (c.Tumor.Resected == true || c.Tumor.Stage is not { } stage || !IsLimited(stage))
        {
            return;
        }

        var stageCode = Codes.Stage.Code(stage);
        var distant = p.DistantMetastases;
        if (distant.Count > 0)
        {
            var msg = $"Stage {stageCode} is given, but distant metastases are recorded ({string.Join(", ", distant)}): the case is read as advanced (stage IV) disease. Correct the stage if it is the one at first diagnosis.";
            p.E.Warn(WarningCodes.StageInconsistent, msg);
            p.E.Fire(ContradictedId, msg);
            return;
        }

        if (c.History.Count > 0)
        {
            // Only non-targeted therapies, each completed, none progressed on: curative-intent treatment (chemotherapy of
            // a chemoradiotherapy, consolidation) was given and no recurrence is recorded; a TKI is for recurrence.
            if (c.History.All(h => h.StopReason == StopReason.Completed && !p.IsTargeted(h.Therapy)))
            {
                var done = string.Join(", ", c.History.Select(h => $"{p.Name(h.Therapy)}{HistoryReader.Span(h)}"));
                var after = $"Stage {stageCode} {p.KinaseCode}-positive NSCLC, not marked resected, with no distant metastasis and no progression recorded after {done}, completed: this reads as completed curative-intent treatment (such as chemoradiotherapy). No targeted therapy is established after it: surveillance, or a clinical trial; the options below are for recurrence or progression. Correct the history if the disease has progressed.";
                p.E.Warn(WarningCodes.CurativeIntent, after);
                p.E.Fire(CurativeId, after);
                p.AfterCurativeTreatment = true;
            }

            // Otherwise a therapy already given means the disease is treated as advanced (or has recurred): the history decides.
            return;
        }

        var message = $"Stage {stageCode} {p.KinaseCode}-positive NSCLC, not marked resected, with no distant metastasis recorded: treatment has curative intent first — {CurativeTreatment(stage)}. "
            + $"The {p.KinaseCode} TKIs' first-line approvals are for metastatic (US) or advanced (EU) disease: the options below apply only if the tumour board finds the disease not amenable to curative treatment, or when it recurs.";
        p.E.Warn(WarningCodes.CurativeIntent, message);
        p.E.Fire(CurativeId, message);
        p.LimitedStage = stage;
    }

    /// <summary>The distant (M1) metastatic sites the case records, in words.</summary>
    public static IReadOnlyList<string> Distant(PlanState p) =>
        [.. DistantSites.Where(s => p.E.Case.Disease.Sites.Contains(s) || (s == MetastaticSite.Brain && p.BrainMets)).Select(s => Codes.MetastaticSite.Code(s))];

    private static bool IsLimited(Stage stage) =>
        stage is Stage.IA or Stage.IB or Stage.IIA or Stage.IIB or Stage.IIIA or Stage.IIIB or Stage.IIIC;

    private static string CurativeTreatment(Stage stage) => stage switch
    {
        Stage.IA => "resection where operable, stereotactic radiotherapy where not; no adjuvant systemic therapy follows stage IA",
        Stage.IIIA or Stage.IIIB or Stage.IIIC => "a multidisciplinary decision between resection, where the tumour is resectable (then the adjuvant plan: mark the case resected), and definitive concurrent chemoradiotherapy",
        _ => "resection where operable (then the adjuvant plan: mark the case resected), radiotherapy where not",
    };
}
