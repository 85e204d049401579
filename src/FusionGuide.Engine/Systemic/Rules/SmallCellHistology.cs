using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-SCLC-001: a small-cell carcinoma carrying an ALK or ROS1 fusion is small-cell lung cancer: the SCLC guideline's
/// table decides, the fusion is reported, and a TKI is offered only where the knowledge base lists one for it, never
/// first (<see cref="Ranking"/>). Sources: the rule catalogue and the SCLC table.
/// </summary>
internal static class SmallCellHistology
{
    public const string Id = "SYS-SCLC-001";

    /// <summary>The warning and the situation, before the history and the SCLC table are read.</summary>
    public static void Warn(PlanState p)
    {
        p.E.Warn(WarningCodes.SmallCellHistology, Message(p));
        p.Situation = $"small-cell lung cancer carrying {(p.Kinase == Gene.Alk ? "an" : "a")} {p.KinaseCode} fusion";
    }

    /// <summary>The trace line, citing the SCLC table the guideline step found (if any).</summary>
    public static void Trace(PlanState p, Regimen? table) =>
        p.E.Fire(Id, Message(p), table is null ? [] : [table.Guideline, .. table.Provenance.Sources]);

    private static string Message(PlanState p) =>
        $"{(p.E.Case.Tumor.Transformation == Transformation.SmallCell ? $"The tumour is small-cell carcinoma now (recorded as a transformation, but no {p.KinaseCode} TKI has been given, so it is not TKI resistance)" : "The tumour's histology is small-cell carcinoma at diagnosis (not a transformation at progression)")}: it is small-cell lung cancer, treated by the SCLC guideline with platinum-etoposide first; the {p.KinaseCode} fusion is reported, but the knowledge base records no evidence that a {p.KinaseCode} TKI works in this histology, so none is offered first.";
}
