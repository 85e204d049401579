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

            // Where the factors leave the option is said once, after them (two concerns are one "ranked after"); a
            // comorbidity caution that demotes it has said so already.
            if (c.PatientFactorWeight != 0 && !(c.PatientFactorWeight > 0 && c.Demoted))
            {
                c.Notes.Add(Placement(c.PatientFactorWeight));
            }
        }
    }

    /// <summary>How a finding ends, by its weight.</summary>
    public static string Placement(int weight) => weight > 0
        ? "ranked after equally recommended agents without this concern"
        : "ranked before equally recommended agents without this evidence";
}
