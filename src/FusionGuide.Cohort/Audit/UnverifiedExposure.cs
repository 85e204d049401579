using FusionGuide.Cohort.Synthesis;
using FusionGuide.Engine;

namespace FusionGuide.Cohort.Audit;

/// <summary>One unverified fact and how many results of the cohort lean on it.</summary>
/// <param name="Id">Its knowledge id, as <c>kb audit</c> lists it.</param>
/// <param name="Results">How many results use it.</param>
public sealed record FactExposure(string Id, int Results);

/// <summary>
/// How often a synthetic cohort's results carry the unverified-knowledge warning, and which unverified facts put it
/// there, most results first — issue #17's measure ("at most 10 % of the results of <c>synth --n 2000</c>"), and the
/// order in which verifying facts clears the warning from the most answers.
/// </summary>
/// <param name="Cases">Cases evaluated.</param>
/// <param name="Seed">The synthesis seed (case i of seed s is always the same).</param>
/// <param name="WithWarning">Results that carry the warning (at least one unverified fact used).</param>
/// <param name="Facts">Every unverified fact used, most results first, then by id.</param>
public sealed record UnverifiedExposure(long Cases, ulong Seed, int WithWarning, IReadOnlyList<FactExposure> Facts)
{
    /// <summary>The share of results that carry the warning.</summary>
    public double Share => Cases == 0 ? 0 : (double)WithWarning / Cases;

    /// <summary>Evaluates <paramref name="n"/> synthetic cases of <paramref name="seed"/> on the release's own date.</summary>
    public static UnverifiedExposure Measure(FusionEngine engine, long n, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var synth = new CaseSynthesizer(engine.KnowledgeBase, seed);
        var used = synth.Cases(n).Select(c => engine.EvaluateNamingUnverified(c).UnverifiedFacts).ToList();
        var facts = used.SelectMany(ids => ids)
            .GroupBy(id => id, StringComparer.Ordinal)
            .Select(g => new FactExposure(g.Key, g.Count()))
            .OrderByDescending(f => f.Results).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        return new UnverifiedExposure(n, seed, used.Count(ids => ids.Count > 0), facts);
    }
}
