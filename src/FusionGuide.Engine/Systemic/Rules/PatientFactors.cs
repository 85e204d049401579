using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>What one patient factor says about one option: +1 ranks it later, -1 earlier; the note goes into its rationale.</summary>
internal sealed record FactorFinding(int Weight, string Note, IReadOnlyList<string> Sources);

/// <summary>
/// The patient's state orders equally recommended TKIs, and the reason is written (issue #20 item 3): each factor is a
/// rule of its own file, found by its id; together with the comorbidity cautions (SYS-COMORB-001) they form the
/// "patient factors" key of <see cref="Ranking"/>, which comes after preference, intracranial activity and genotype.
/// </summary>
internal static class PatientFactors
{
    private delegate FactorFinding? Factor(PlanState p, Candidate c, Drug drug);

    private static readonly (string Id, string Words, Factor For)[] InOrder =
    [
        (AgeFactor.Id, "age", AgeFactor.For),
        (PerformanceStatusFactor.Id, "performance status", PerformanceStatusFactor.For),
        (PriorToxicity.Id, "prior toxicity", PriorToxicity.For),
        (CoMedication.Id, "co-medication", CoMedication.For),
    ];

    /// <summary>Weighs every TKI option (a continued TKI has no alternative to be ordered against).</summary>
    public static void Apply(PlanState p)
    {
        foreach (var c in p.Candidates.Where(c => p.IsTargeted(c.Therapy) && !c.IsContinuation))
        {
            var drug = p.E.Kb.Drug(c.Therapy);
            foreach (var (id, words, factor) in InOrder)
            {
                if (factor(p, c, drug) is not { } finding)
                {
                    continue;
                }

                c.PatientFactorWeight += finding.Weight;
                if (finding.Weight != 0)
                {
                    c.Factors.Add((words, finding.Weight));
                }

                c.Notes.Add(finding.Note);
                c.Cite(finding.Sources);
                p.E.Fire(id, $"{drug.Name}: {finding.Note}{(finding.Weight == 0 ? "" : $"; {Placement(finding.Weight)}")}.", finding.Sources);
            }

            // Where the factors leave the option is said after the ranking (Ranking.SayWhereFactorsLeft), which knows
            // whether an equally recommended option without the concern exists and where it ranks.
        }
    }

    /// <summary>How a finding weighs, by its weight (the trace; the option's own placement is said after the ranking).</summary>
    public static string Placement(int weight) => weight > 0
        ? "weighs against it among equally recommended options"
        : "weighs in its favour among equally recommended options";

    /// <summary>
    /// After the ranking, where the patient factors left each option, in words that match the order: "ranked after
    /// alectinib, equally recommended, without this concern"; "no equally recommended option without this concern is
    /// offered" when every alternative shares it or there is none; nothing when an earlier ranking key put it first
    /// anyway (the first option's note names that key). A comorbidity caution that demotes the option counts as a
    /// concern, as in the ranking key.
    /// </summary>
    public static void SayWhereFactorsLeft(PlanState p, List<Candidate> ranked)
    {
        for (var i = 0; i < ranked.Count; i++)
        {
            var c = ranked[i];
            if (Weight(c) == 0)
            {
                continue;
            }

            var equals = ranked.Where(x => x != c && x.Preference == c.Preference && p.IsTargeted(x.Therapy) == p.IsTargeted(c.Therapy)).ToList();
            if (Weight(c) > 0)
            {
                var lighter = equals.Where(x => Weight(x) < Weight(c)).ToList();
                var ahead = lighter.Where(x => ranked.IndexOf(x) < i).ToList();
                if (ahead.Count > 0)
                {
                    // Options ahead that carry a lighter concern of their own (a major interaction beside this contraindicated
                    // one) are not "without this concern".
                    // An option whose label only warns about the same condition (taletrectinib and entrectinib ask for ECG
                    // monitoring in long QT, crizotinib's label advises avoiding it) is not "without this concern".
                    var monitored = ahead.Where(x => Weight(x) == 0 && x.WarnedFor.Overlaps(c.DemotedFor)).ToList();
                    var without = ahead.Where(x => Weight(x) == 0 && !monitored.Contains(x)).Select(x => p.Name(x.Therapy)).ToList();
                    var lesser = ahead.Where(x => Weight(x) > 0).Select(x => p.Name(x.Therapy)).ToList();
                    var parts = new List<string>();
                    if (without.Count > 0)
                    {
                        parts.Add($"{string.Join(", ", without)}, equally recommended, without this concern");
                    }

                    if (monitored.Count > 0)
                    {
                        var conditions = string.Join(" and ", c.DemotedFor.Intersect(monitored.SelectMany(x => x.WarnedFor)).Select(ComorbidityCautions.Words));
                        parts.Add($"{string.Join(", ", monitored.Select(x => p.Name(x.Therapy)))}, equally recommended, whose caution for {conditions} asks for monitoring rather than advising against use");
                    }

                    if (lesser.Count > 0)
                    {
                        parts.Add($"{string.Join(", ", lesser)}, equally recommended, whose concern weighs less");
                    }

                    c.Notes.Add($"ranked after {string.Join(", and after ", parts)}");
                }
                else if (lighter.Count == 0)
                {
                    c.Notes.Add("no equally recommended option without this concern is offered");
                }
            }
            else
            {
                var behind = equals.Where(x => Weight(x) > Weight(c) && ranked.IndexOf(x) > i).Select(x => p.Name(x.Therapy)).ToList();
                if (behind.Count > 0)
                {
                    c.Notes.Add($"ranked before {string.Join(", ", behind)}, equally recommended, for this");
                }
            }
        }
    }

    /// <summary>The weight the ranking key "patient factors" uses: the factors, and one for a demoting comorbidity caution.</summary>
    private static int Weight(Candidate c) => c.PatientFactorWeight + (c.Demoted ? 1 : 0);
}
