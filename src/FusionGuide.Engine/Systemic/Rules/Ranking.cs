using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-RANK-001: the options are ranked by the keys below, most significant first; equal keys keep the order the
/// candidates were added in. SYS-CNS-001: with brain metastases, CNS-active agents lead within a preference.
/// Sources: the rule catalogue and, for SYS-CNS-001, the first option's CNS record.
/// </summary>
internal static class Ranking
{
    public const string Id = "SYS-RANK-001";
    public const string BrainMetastasesId = "SYS-CNS-001";

    /// <summary>
    /// One ranking key: its words in the trace (null: not named), its value for a candidate (lower ranks first), and
    /// when it applies to the case (otherwise it neither orders nor is named).
    /// </summary>
    private sealed record Ranker(string? Words, Func<PlanState, Candidate, int> Key, Func<PlanState, bool>? When = null)
    {
        /// <summary>What the key found, when it decides between the first option and the next ("(lorlatinib: co-medication)").</summary>
        public Func<PlanState, Candidate, Candidate, string>? Detail { get; init; }

        public bool AppliesTo(PlanState p) => When?.Invoke(p) ?? true;
    }

    private static readonly Ranker[] Rankers =
    [
        // After chemotherapy: a TKI for a small-cell carcinoma (SYS-SCLC-001).
        new(null, (p, c) => p.SmallCellHistology && p.IsTargeted(c.Therapy) ? 1 : 0),
        // With pregnancy the pathway (SYS-PREG-001) orders before the guideline's preference.
        new("pregnancy pathway", PregnancyPathway.Rank, PregnancyPathway.Applies),
        // The table answering this progression before the conventional pathway listed beside it (SYS-POST-002).
        // The TKI continued beside CNS-directed treatment (SYS-CONT-007) goes with the conventional pathway, after the
        // options that answer the progression.
        new("the table for this progression before the conventional pathway", (_, c) => c.AfterAnsweringTable || c.IsContinuedBeside ? 1 : 0, p => p.Candidates.Any(c => c.AfterAnsweringTable)),
        new("preference", (_, c) => (int)c.Preference),
        // The TKI continued beside CNS-directed treatment (SYS-CONT-007) is the alternative to the options of its preference.
        new(null, (_, c) => c.IsContinuedBeside ? 1 : 0),
        // With brain metastases and a TKI recorded active against the patient's resistance mutation: a TKI whose activity
        // against it is not recorded at all comes after it, before intracranial activity is weighed — CNS penetration of a
        // drug nothing says works against the mutation is no reason to lead (probe S23A: entrectinib, of unknown activity
        // against G2032R, ranked before cabozantinib, active against it). A TKI rated partly active keeps the CNS order
        // (probe S23D: alectinib, intermediate against G1269A, is still preferred to ceritinib for leptomeningeal disease).
        new("activity against the resistance mutation", (p, c) => p.IsTargeted(c.Therapy) && c.Activity == Activity.Unknown ? 1 : 0,
            p => p.BrainMets && p.Profile.HasGenotype && p.Candidates.Any(c => p.IsTargeted(c.Therapy) && c.Activity == Activity.Sensitive)
                && p.Candidates.Any(c => p.IsTargeted(c.Therapy) && c.Activity == Activity.Unknown)),
        new("intracranial activity (brain metastases)", (p, c) => CnsLevelOf(p, c), p => p.BrainMets),
        new("genotype", (_, c) => c.Activity switch { Activity.Sensitive => 0, Activity.Unknown => 1, _ => 2 }),
        // In the case's region, among equally recommended options: approved for this use, then off-label (a label for
        // inhibitor-naive patients, or written for another sequence), then a drug whose approval there is not known — a
        // guideline written for the US does not make a drug of unknown standing the first choice in the EU or Japan.
        new("approval in the case's region", RegionalStanding, p => p.E.Case.Context.Region is { } r && r != Region.Other) { Detail = StandingNamed },
        // When an option's label is not read (zidesamtinib, SYS-LABEL-001: no dose, no toxicity or comorbidity facts, so
        // the patient-factor key below would favour it for what is missing), among options the genotype cannot separate:
        // approved here for this setting with a label the knowledge base has read, then approved with its label unread,
        // then off-label or unknown standing. Without such an option this key is not used.
        new("regional approval and a label the knowledge base has read", LabelStanding, AnyLabelUnread),
        // Age, ECOG, prior toxicity, co-medications (PatientFactors) and comorbidity cautions (SYS-COMORB-001).
        new("patient factors", (_, c) => c.PatientFactorWeight + (c.Demoted ? 1 : 0)) { Detail = FactorsNamed },
        new("the strength of the intracranial data (brain metastases)", (p, c) => p.E.Kb.Drug(c.Therapy).Cns?.RankFor(p.Kinase) ?? 99, p => p.BrainMets),
        new("guideline order", (_, c) => c.Order),
    ];

    /// <summary>The candidates in rank order; the first, when an equally recommended option follows, is told why it leads.</summary>
    public static List<Candidate> Rank(PlanState p)
    {
        // OrderBy is stable: equal keys keep the order the candidates were added in.
        var ranked = p.Candidates.OrderBy(_ => 0);
        foreach (var ranker in Rankers.Where(r => r.AppliesTo(p)))
        {
            ranked = ranked.ThenBy(c => ranker.Key(p, c));
        }

        List<Candidate> list = [.. ranked];
        NeverFirst(list);
        PatientFactors.SayWhereFactorsLeft(p, list);
        if (list.Count > 1 && list[0].Preference == list[1].Preference && !list[0].IsContinuation)
        {
            var (first, next) = (list[0], list[1]);
            if (Rankers.FirstOrDefault(r => r.AppliesTo(p) && r.Key(p, first) != r.Key(p, next)) is { Words: { } by } decided)
            {
                first.Notes.Add($"ranked before {p.Name(next.Therapy)}, equally recommended, by {by}{decided.Detail?.Invoke(p, first, next)}");
            }
        }

        return list;
    }

    /// <summary>
    /// Never first: a re-challenge (SYS-RECHAL-001). When the keys put one first, the best-ranked other option leads;
    /// otherwise it keeps the place the keys give it — a re-challenge on clinical evidence of re-sensitisation for this
    /// genotype is not put behind later-line chemotherapy such as docetaxel.
    /// </summary>
    private static void NeverFirst(List<Candidate> list)
    {
        var lead = list.FindIndex(c => !c.IsRechallenge);
        if (lead > 0)
        {
            var first = list[lead];
            list.RemoveAt(lead);
            list.Insert(0, first);
        }
    }

    /// <summary>
    /// Which patient factors decided: the concerns of the option ranked after ("(brigatinib: prior toxicity)"), or else
    /// what favours the first.
    /// </summary>
    private static string FactorsNamed(PlanState p, Candidate first, Candidate next)
    {
        var concerns = next.Factors.Where(f => f.Weight > 0).Select(f => f.Factor).Distinct().ToList();
        var favours = first.Factors.Where(f => f.Weight < 0).Select(f => f.Factor).Distinct().ToList();
        return concerns.Count > 0 ? $" ({p.Name(next.Therapy)}: {string.Join(", ", concerns)})"
            : favours.Count > 0 ? $" ({p.Name(first.Therapy)}: {string.Join(", ", favours)} in its favour)"
            : "";
    }

    private static int RegionalStanding(PlanState p, Candidate c) =>
        !p.IsTargeted(c.Therapy) ? 0 : p.Standing(p.E.Kb.Drug(c.Therapy)).Standing switch
        {
            Standing.OffLabel => 1,
            Standing.Unknown => 2,
            // Kept only because the site lists it as obtainable (context.available): still after every approved one.
            Standing.NotApproved => 3,
            _ => 0,
        };

    /// <summary>"(taletrectinib: approval in EU not known)".</summary>
    private static string StandingNamed(PlanState p, Candidate first, Candidate next) =>
        RegionalStanding(p, next) switch
        {
            1 => $" ({p.Name(next.Therapy)}: off-label in {Codes.Region.Code(p.E.Case.Context.Region!.Value)})",
            2 => $" ({p.Name(next.Therapy)}: approval in {Codes.Region.Code(p.E.Case.Context.Region!.Value)} not known)",
            3 => $" ({p.Name(next.Therapy)}: not approved in {Codes.Region.Code(p.E.Case.Context.Region!.Value)})",
            _ => "",
        };

    private static bool AnyLabelUnread(PlanState p) => p.Candidates.Any(c => p.E.Kb.Drug(c.Therapy).DosingNotRead is not null);

    private static int LabelStanding(PlanState p, Candidate c)
    {
        var drug = p.E.Kb.Drug(c.Therapy);
        if (!drug.IsTargeted)
        {
            return 0;
        }

        return p.Standing(drug).Standing switch
        {
            Standing.Approved => drug.DosingNotRead is null ? 0 : 1,
            _ => 2,
        };
    }

    /// <summary>High, moderate, low, then none recorded.</summary>
    private static int CnsLevelOf(PlanState p, Candidate c) => p.E.Kb.Drug(c.Therapy).Cns?.Activity switch
    {
        CnsLevel.High => 0,
        CnsLevel.Moderate => 1,
        CnsLevel.Low => 2,
        _ => 3,
    };

    /// <summary>A combination's partner in the ranking line (SYS-COMB-001): " with alectinib continued, off-label".</summary>
    private static string With(PlanState p, TherapyOption o) => o.Combination is { } c
        ? $" with {string.Join(" and ", c.With.Select(p.Name))} continued, {(c.Use == CombinationUse.Trial ? "in a trial" : "off-label")}"
        : "";

    public static void Trace(PlanState p, IReadOnlyList<TherapyOption> options)
    {
        if (options.Count == 0)
        {
            return;
        }

        var e = p.E;
        var order = string.Join("; ", options.Select((o, i) => $"{i + 1}. {e.Name(o.Therapy)}{With(p, o)} ({Codes.Preference.Code(o.Preference)})"));
        var keys = Rankers.Where(r => r.Words is not null && r.AppliesTo(p)).Select(r => r.Words);
        e.Fire(Id, $"Ranked by {string.Join(", then ", keys)}: {order}.");
        if (p.BrainMets)
        {
            // The CNS key orders within a preference: a first option of low intracranial activity leads on its preference,
            // not on CNS activity, and the trace must not say it leads as a CNS-active agent.
            var cns = e.Kb.Drug(options[0].Therapy).Cns;
            var stronger = options.Skip(1).Where(o => e.Kb.Drug(o.Therapy).Cns is { } other && cns is { } first && other.Activity < first.Activity).Select(o => e.Name(o.Therapy)).ToList();
            var words = stronger.Count == 0
                ? $"Brain metastases present: CNS-active agents lead within each preference ({e.Name(options[0].Therapy)} first{(cns is { } c ? $", intracranial activity {c.Activity.Code()}" : "")})."
                : $"Brain metastases present: CNS-active agents lead within each preference; {e.Name(options[0].Therapy)} (intracranial activity {cns!.Activity.Code()}) is first, ahead of {string.Join(", ", stronger)}, whose intracranial activity is higher: a ranking key before intracranial activity (the guideline's preference, the genotype or the regional approval) decides — see the order above.";
            e.Fire(BrainMetastasesId, words, cns?.Provenance.Sources ?? []);
        }
    }
}
