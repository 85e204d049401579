using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-POST-001: when no TKI of the kinase is left (progression on them, resistance, transformation), the conventional
/// NSCLC pathway applies and the reason is said in the patient's terms. Sources: the rule catalogue.
/// </summary>
internal static class NoTargetedOption
{
    public const string Id = "SYS-POST-001";

    /// <summary>Removes the TKIs, warns and traces why, and sets the situation.</summary>
    public static void Start(PlanState p, string why)
    {
        DropTargeted(p);
        // A TKI kept beside the pathway — a label-based option (SYS-LABEL-001) or a re-challenge on clinical evidence
        // (SYS-RECHAL-001) — is named, so the warning never says no TKI is left while one is offered.
        var beside = p.Candidates.Where(c => c.IsLabelBased || c.IsRechallenge)
            .Select(c => $"{p.Name(c.Therapy)} {(c.IsRechallenge ? "as a re-challenge on clinical evidence of re-sensitisation" : "as a label-based option")}")
            .ToList();
        // SYS-CONT-007's alternative (added when the plan is finished): the TKI taken now, continued beside CNS-directed treatment.
        if (p.ContinuedBeside is { } continued && !p.Avoid.Contains(continued.Therapy))
        {
            beside.Add($"{p.Name(continued.Therapy)} continued with CNS-directed treatment (the alternative to switching)");
        }

        // With no guideline table for the date answering this progression (SYS-TABLE-002), "no TKI is left" would be a
        // claim the knowledge base cannot make: TKIs used after this one then (in trials, or under labels for other
        // lines) are simply not weighed (probe S23B: after alectinib in the US in August 2018, lorlatinib was in trials).
        var msg = beside.Count == 0 && p.NoTableForDate
            ? $"No {p.KinaseCode} TKI is offered ({why}): no guideline table the knowledge base holds answers this progression on {p.E.AsOfText}, so TKIs used after it then — in clinical trials, or under labels for other lines — are not weighed here; the conventional NSCLC pathway applies, and a clinical trial of a newer {p.KinaseCode} TKI is worth asking about."
            : beside.Count == 0
            ? $"No {p.KinaseCode} TKI is left for this patient ({why}): the conventional NSCLC pathway applies."
            : $"No {p.KinaseCode} TKI placed by a guideline is left for this patient ({why}): the conventional NSCLC pathway applies, with {string.Join(" and ", beside)} beside it.";
        if (AwaitingGenotype(p) is { } retest)
        {
            msg += $" {retest}";
        }

        p.E.Warn(WarningCodes.NoTargetedOption, msg);
        p.E.Fire(Id, msg);
        p.Situation = $"{p.KinaseCode}-positive disease: {why}";
    }

    /// <summary>
    /// TKIs the guideline lists after the last failed one only when the genotype supports them, with no genotype at
    /// progression reported (and no transformation): the warning says a re-test could bring one back, rather than "no TKI"
    /// as if the question were closed.
    /// </summary>
    private static string? AwaitingGenotype(PlanState p)
    {
        var c = p.E.Case;
        if (p.H.LastFailedTargeted is not { } last || c.Tumor.Transformation is not null
            || c.Tests.Any(t => t.EffectiveTiming == TestTiming.Progression && t.Gene == p.Kinase))
        {
            return null;
        }

        var listed = GuidelineTable.InForce(p, RegimenSetting.Subsequent, last.Therapy)?.Entries
            .Where(x => x.Condition == RegimenCondition.GenotypeDirected && !p.H.Failed.Any(f => f.Therapy == x.Therapy))
            .Select(x => p.Name(x.Therapy))
            .ToList() ?? [];
        return listed.Count == 0 ? null
            : $"No {p.KinaseCode} genotype at progression is reported: the guideline lists {string.Join(", ", listed)} after {p.Name(last.Therapy)} when the genotype supports them — re-test (tissue or plasma NGS).";
    }

    /// <summary>A re-challenge stays (it is the one TKI the evidence allows), and so does a label-based option (SYS-LABEL-001).</summary>
    public static void DropTargeted(PlanState p) => p.Candidates.RemoveAll(c => p.IsTargeted(c.Therapy) && !c.IsRechallenge && !c.IsLabelBased);

    /// <summary>Why no TKI is left, in the patient's terms.</summary>
    public static string ExhaustedBecause(PlanState p, Therapy? failedTki)
    {
        var e = p.E;
        // The TKI whose progression is answered now may still be taken (a continued TKI given up, SYS-CONT-007): it is
        // the latest progression and is named after those that ended.
        var failed = p.H.Failed.Where(f => p.IsTargeted(f.Therapy)).Select(f => f.Therapy)
            .Concat(failedTki is { } now && !p.H.Failed.Any(f => f.Therapy == now) ? [now] : [])
            .Select(p.Name).ToList();
        var parts = new List<string>();
        if (failed.Count > 0)
        {
            parts.Add($"progression on {string.Join(" then ", failed)}");
        }

        // Each mutation set names the TKIs it resists itself: plasma mutations judged one by one (SYS-RES-007) resist
        // different drugs, and the drugs the whole genotype rules out are not each set's.
        var inhibitors = e.Kb.Drugs.Where(d => d.Inhibits(p.Kinase)).ToList();
        foreach (var set in p.Profile.Sets)
        {
            var resists = inhibitors.Where(d => p.Profile.For(d.Therapy).Any(f => f.Set == set && f.Activity == Activity.Resistant)).Select(d => p.Name(d.Therapy)).ToList();
            if (resists.Count > 0)
            {
                parts.Add($"{set.Name} ({set.Source}) resists {string.Join(", ", resists)}");
            }
        }

        // A TKI left out because its activity against a compound judged from its parts is unknown (SYS-RES-002) is
        // named with what is missing, so the move to chemotherapy does not hide an untested drug.
        var unknown = e.Kb.Drugs.Where(d => d.Inhibits(p.Kinase) && !p.H.Failed.Any(f => f.Therapy == d.Therapy) && p.Profile.Of(d.Therapy) == Activity.Unknown)
            .SelectMany(d => p.Profile.For(d.Therapy).Where(f => f.Gap is not null).Select(f => (Drug: p.Name(d.Therapy), f.Set, Gap: f.Gap!)))
            .GroupBy(x => (x.Set.Name, x.Gap));
        parts.AddRange(unknown.Select(g => $"activity of {string.Join(" and ", g.Select(x => x.Drug))} against {g.Key.Name} unknown ({g.Key.Gap})"));

        if (parts.Count == 0)
        {
            parts.Add(failedTki is null ? "no targeted therapy can be given here" : "no further TKI is supported");
        }

        return string.Join("; ", parts);
    }
}
