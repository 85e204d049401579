using FusionGuide.Domain;

namespace FusionGuide.Engine.Systemic;

/// <summary>What the systemic stage decided, for the result and the safety stages.</summary>
internal sealed record SystemicOutcome(Setting Setting, int? Line, IReadOnlyList<TherapyOption> Options, IReadOnlyList<AvoidItem> Avoid)
{
    /// <summary>The therapy the patient is taking now, if any (dosing, monitoring and interactions cover it).</summary>
    public Therapy? Current { get; init; }

    /// <summary>True when local therapy of limited progression accompanies a continued TKI.</summary>
    public bool ContinuingThroughLimitedProgression { get; init; }

    /// <summary>
    /// The TKI taken now whose CNS-only progression beyond local treatment was answered as its failure, offered as the
    /// alternative continued beside CNS-directed treatment (SYS-CONT-007); null otherwise.
    /// </summary>
    public Therapy? ContinuedBeside { get; init; }

    /// <summary>The evidence section (SYS-EVID-001): each trial or guideline once, of the case's driver and setting.</summary>
    public IReadOnlyList<EvidenceEntry>? Evidence { get; init; }

    public Therapy? FirstChoice => Options.Count > 0 ? Options[0].Therapy : null;
}
