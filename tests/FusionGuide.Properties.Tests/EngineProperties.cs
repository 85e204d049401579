using CsCheck;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Domain;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Properties.Tests;

/// <summary>
/// Property tests over the synthetic cohort (issue #11, part 1): CsCheck chooses the generator's seed and case
/// index, then optionally edits the case; every case goes through the reader and the engine, and every invariant in
/// <see cref="Invariants"/> must hold.
/// </summary>
public sealed class EngineProperties
{
    /// <summary>Cases drawn straight from the generator.</summary>
    public const int SynthesisedCases = 6_000;

    /// <summary>Generated cases with one to four CsCheck-chosen edits.</summary>
    public const int EditedCases = 6_000;

    private static readonly Gen<(ulong Seed, long Index)> Drawn = Gen.Select(Gen.ULong[0, 1_000_000], Gen.Long[0, 1_000_000]);

    [Fact]
    public void Every_synthesised_case_keeps_every_invariant()
    {
        long cases = 0;
        Gen.Select(Drawn, Gen.Int[0, 1000])
            .Sample(
                (drawn, pick) =>
                {
                    Interlocked.Increment(ref cases);
                    var (c, notices) = World.RoundTrip(Make(drawn));
                    Invariants.Hold(c, notices, pick);
                },
                iter: SynthesisedCases,
                print: t => Describe(t.Item1, [], t.Item2));
        CaseCount.Report(nameof(Every_synthesised_case_keeps_every_invariant), cases, SynthesisedCases);
    }

    [Fact]
    public void Every_edited_case_keeps_every_invariant()
    {
        long cases = 0;
        Gen.Select(Drawn, Edit.Gen.Array[1, 4], Gen.Int[0, 1000])
            .Sample(
                (drawn, edits, pick) =>
                {
                    Interlocked.Increment(ref cases);
                    var c = edits.Aggregate(Make(drawn), (acc, e) => e.Apply(acc));
                    var (read, notices) = World.RoundTrip(c);
                    Invariants.Hold(read, notices, pick);
                },
                iter: EditedCases,
                print: t => Describe(t.Item1, t.Item2, t.Item3));
        CaseCount.Report(nameof(Every_edited_case_keeps_every_invariant), cases, EditedCases);
    }

    private static Case Make((ulong Seed, long Index) drawn) => new CaseSynthesizer(World.Kb, drawn.Seed).Make(drawn.Index);

    private static string Describe((ulong Seed, long Index) drawn, Edit[] edits, int pick)
    {
        var c = edits.Aggregate(Make(drawn), (acc, e) => e.Apply(acc));
        return $"seed {drawn.Seed}, index {drawn.Index}, edits [{string.Join(", ", edits)}], pick {pick}\n{ContractJson.Serialize(c, indented: false)}";
    }
}
