using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-RES-005: small-cell or squamous transformation at progression is a resistance mechanism the TKI no longer
/// controls: the transformed histology is treated (the mechanism record's therapies). Sources: the rule catalogue and
/// the mechanism record.
/// </summary>
internal static class HistologicTransformation
{
    public const string Id = "SYS-RES-005";

    /// <summary>Warns, traces and sets the situation; returns the knowledge base's mechanism for it, if any.</summary>
    public static OffTargetMechanism? Start(PlanState p, Transformation transformation)
    {
        var msg = $"{(transformation == Transformation.SmallCell ? "Small-cell" : "Squamous")} transformation on the progression biopsy: a resistance mechanism that the {p.KinaseCode} TKI no longer controls; treat the transformed histology.";
        p.E.Warn(WarningCodes.HistologicTransformation, msg);
        p.Situation = $"{Codes.Transformation.Code(transformation)} transformation at progression";
        var mechanism = p.E.Kb.OffTarget.FirstOrDefault(m => m.Transformation == transformation && m.AppliesTo(p.Kinase));
        p.E.Fire(Id, msg, mechanism?.Provenance.Sources ?? []);
        return mechanism;
    }
}
