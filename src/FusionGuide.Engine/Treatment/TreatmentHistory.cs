using FusionGuide.Domain;

namespace FusionGuide.Engine.Treatment;

/// <summary>What the ordered history says: what failed, what was not tolerated, what continues, and the line.</summary>
/// <param name="Failed">Therapies stopped (or to be stopped) for progression, oldest first.</param>
/// <param name="ContinuedThroughLimitedProgression">A TKI still taken despite CNS-only or oligo-progression.</param>
/// <param name="Intolerant">Therapies stopped for intolerance.</param>
/// <param name="Ongoing">The therapy taken now without progression, if any.</param>
/// <param name="LastFailedTargeted">The most recent targeted therapy that failed.</param>
/// <param name="LastFailurePattern">The pattern of the most recent failure.</param>
/// <param name="Line">Line of therapy the recommendation is for (1 + lines ended by progression).</param>
internal sealed record TreatmentHistory(
    IReadOnlyList<HistoryEntry> Failed,
    HistoryEntry? ContinuedThroughLimitedProgression,
    IReadOnlyList<HistoryEntry> Intolerant,
    HistoryEntry? Ongoing,
    HistoryEntry? LastFailedTargeted,
    ProgressionPattern? LastFailurePattern,
    int Line)
{
    /// <summary>Targeted therapies the patient has received in any way.</summary>
    public required IReadOnlySet<Therapy> TargetedExposure { get; init; }

    /// <summary>True when a targeted therapy has failed.</summary>
    public bool AnyTargetedFailure => LastFailedTargeted is not null;

    /// <summary>The therapy the patient is on now (ongoing, or continued through limited progression).</summary>
    public HistoryEntry? Current => ContinuedThroughLimitedProgression ?? Ongoing;
}
