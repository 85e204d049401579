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

    /// <summary>
    /// A squamous transformation recorded in a patient who never had a TKI is not a resistance mechanism: the tumour is
    /// squamous now and still carries the fusion, so the first-line TKIs apply (squamous histology rules out pemetrexed).
    /// A small-cell one goes to the small-cell path (SYS-SCLC-001), which says the same in its own words.
    /// </summary>
    public static void SayWithoutTki(PlanState p)
    {
        if (p.E.Case.Tumor.Transformation != Transformation.Squamous || p.E.ResistanceTransformation is not null)
        {
            return;
        }

        var msg = $"A squamous transformation is recorded, but no {p.KinaseCode} TKI has been given: it is not a resistance mechanism. The tumour is read as squamous now, still carrying the {p.KinaseCode} fusion, so it is treated as {p.KinaseCode}-positive disease (pemetrexed-based chemotherapy is not used in squamous histology).";
        p.E.Warn(WarningCodes.HistologicTransformation, msg);
        p.E.Fire(Id, msg);
    }
}
