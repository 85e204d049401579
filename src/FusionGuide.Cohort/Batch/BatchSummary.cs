namespace FusionGuide.Cohort.Batch;

/// <summary>What a batch did.</summary>
/// <param name="Cases">Non-blank input lines read (each gave one output line).</param>
/// <param name="Errors">Lines that were not valid cases (a problem line was written for each).</param>
/// <param name="Faults">Valid cases the engine failed on (a fault line was written for each; a bug).</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record BatchSummary(long Cases, long Errors, long Faults, TimeSpan Elapsed)
{
    /// <summary>Throughput.</summary>
    public double CasesPerSecond => Elapsed.TotalSeconds > 0 ? Cases / Elapsed.TotalSeconds : 0;
}

/// <summary>Batch settings.</summary>
/// <param name="Workers">Evaluating threads (all cores by default).</param>
/// <param name="AsOf">Evaluation date for every case (the knowledge base's release date when null).</param>
/// <param name="ChunkLines">Lines handed to a worker at a time.</param>
/// <param name="Window">Chunks in flight at most (read, being evaluated, or waiting for their turn to be written): the memory bound.</param>
public sealed record BatchOptions(int Workers, DateOnly? AsOf = null, int ChunkLines = 128, int Window = 0)
{
    /// <summary>The window in effect: given, or four chunks per worker.</summary>
    public int EffectiveWindow => Window > 0 ? Window : Math.Max(4, 4 * Workers);
}
