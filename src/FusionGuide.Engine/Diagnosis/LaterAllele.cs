using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Treatment;

namespace FusionGuide.Engine.Diagnosis;

/// <summary>
/// DX-MUT-001: resistance mutations found at an earlier progression that reappear, all of them, inside a compound a
/// later tissue NGS test phased on one allele are that allele before it gained its newer mutation, so the compound
/// judges the drugs, not the earlier single finding. Shaw 2016: C1156Y after crizotinib, then C1156Y+L1198F after
/// lorlatinib, which restored crizotinib's activity; judged by the earlier C1156Y, crizotinib would be avoided.
/// Earlier findings the compound does not contain still count (they may sit in another clone).
/// </summary>
internal static class LaterAllele
{
    /// <summary>The progression findings with every one a later phased compound contains left out (each traced).</summary>
    public static IReadOnlyList<(TestCall Call, MutationSet Set)> Drop(Evaluation e, IReadOnlyList<(TestCall Call, MutationSet Set)> found)
    {
        var kept = new List<(TestCall Call, MutationSet Set)>();
        foreach (var earlier in found)
        {
            var later = found.FirstOrDefault(x => Contains(x, earlier) && !DatedBefore(x.Call.Test, earlier.Call.Test));
            if (later.Set is null)
            {
                kept.Add(earlier);
                continue;
            }

            var msg = $"{earlier.Set.Name} on {earlier.Call.Label}{When(earlier.Call.Test)} reappears inside the compound {later.Set.Name} that {later.Call.Label}{When(later.Call.Test)} phased on one allele: the compound, the allele as it is now, judges the drugs{(PartialDate.TryParse(earlier.Call.Test.Date, out _) && PartialDate.TryParse(later.Call.Test.Date, out _) ? "" : " (a test is undated: the compound is read as the later finding, since a compound is gained from its single mutation)")}.";
            // Trace id DX-MUT-001 (RuleIds.LaterAllele) is written here; its sources: knowledge/rules/DX-MUT-001.json.
            e.Fire(RuleIds.LaterAllele, msg);
        }

        return kept;
    }

    private static bool Contains((TestCall Call, MutationSet Set) later, (TestCall Call, MutationSet Set) earlier) =>
        later.Set.Phased
        && later.Set.Gene == earlier.Set.Gene
        && later.Set.Mutations.Count > earlier.Set.Mutations.Count
        && earlier.Set.Mutations.All(later.Set.Mutations.Contains);

    /// <summary>True when both tests are dated and the first was taken before the second (a compound is then older).</summary>
    private static bool DatedBefore(BiomarkerTest a, BiomarkerTest b) =>
        PartialDate.TryParse(a.Date, out var da) && PartialDate.TryParse(b.Date, out var db) && da < db;

    private static string When(BiomarkerTest t) => t.Date is { } d ? $", dated {d}," : "";
}
