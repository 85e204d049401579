namespace FusionGuide.Domain;

/// <summary>
/// One step of the brain plan beside the local therapies (project extension, <c>brainPlan</c>): surveillance while
/// radiotherapy is deferred, the technique of whole-brain radiotherapy, the leptomeningeal work-up, steroid guidance.
/// The contract's <c>localTherapy</c> rows name procedures from a closed list; these steps carry what a tumour board
/// writes around them.
/// </summary>
public sealed record BrainPlanStep
{
    /// <summary>The pathway the step belongs to, as the knowledge base codes it (<c>deferred-radiotherapy</c>,
    /// <c>whole-brain-radiotherapy</c>, <c>leptomeningeal</c>, <c>steroids-symptomatic</c>, <c>steroids-asymptomatic</c>,
    /// <c>post-radiosurgery-surveillance</c>).</summary>
    public required string Pathway { get; init; }

    /// <summary>What to do, for this patient.</summary>
    public required string Step { get; init; }

    /// <summary>Says when the step rests on knowledge not yet verified against a primary source.</summary>
    public string? Caveat { get; init; }

    /// <summary>Reference ids.</summary>
    public IReadOnlyList<string>? References { get; init; }
}
