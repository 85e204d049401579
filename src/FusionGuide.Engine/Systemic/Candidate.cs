using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic;

/// <summary>A therapy under consideration, with everything that will explain it.</summary>
internal sealed class Candidate(Therapy therapy, Preference preference, string evidence, int order)
{
    public Therapy Therapy { get; } = therapy;

    public Preference Preference { get; set; } = preference;

    /// <summary>The guideline's or mechanism's one-line evidence.</summary>
    public string Evidence { get; } = evidence;

    /// <summary>Position in the source table (ties keep it).</summary>
    public int Order { get; } = order;

    public string? Category { get; init; }

    /// <summary>The guideline table entry the candidate comes from (its figures go to the evidence section).</summary>
    public (Regimen Table, RegimenEntry Entry)? Source { get; init; }

    /// <summary>The guideline's place for it in words ("a preferred option").</summary>
    public string? Placement { get; init; }

    /// <summary>Where the placement is written ("NCCN-NSCLC-v5.2025, category 1").</summary>
    public string? PlacementSource { get; init; }

    /// <summary>The guideline placement decides the row but is not yet verified: the row says so, briefly.</summary>
    public bool PlacementUnverified { get; init; }

    /// <summary>True for the TKI the patient continues.</summary>
    public bool IsContinuation { get; init; }

    /// <summary>A TKI the disease progressed on, given again on recorded clinical evidence: never the first choice.</summary>
    public bool IsRechallenge { get; init; }

    /// <summary>The TKI taken now, offered after the options that answer its CNS failure (SYS-CONT-007): never keeps the plan targeted.</summary>
    public bool IsContinuedBeside { get; init; }

    /// <summary>True when a regional label, not a guideline table or the genotype, is the basis it is offered on (every label-based option, whether or not it keeps the plan targeted).</summary>
    public bool OnLabel { get; init; }

    /// <summary>
    /// Offered on its label alone, no guideline table placing it (SYS-LABEL-001): it does not keep the plan in the
    /// targeted setting by itself, and stays beside the conventional pathway when no placed TKI is left.
    /// </summary>
    public bool IsLabelBased { get; init; }

    /// <summary>
    /// A conventional-pathway option listed after the TKIs the genotype supports in certain circumstances
    /// (SYS-POST-002): ranked after them whatever its preference within that pathway.
    /// </summary>
    public bool AfterAnsweringTable { get; set; }

    /// <summary>Ranked after equally recommended options (a comorbidity caution).</summary>
    public bool Demoted { get; set; }

    /// <summary>The comorbidities whose caution ranks it after equally recommended options (SYS-COMORB-001, deprioritise).</summary>
    public HashSet<Comorbidity> DemotedFor { get; } = [];

    /// <summary>
    /// The comorbidities whose caution is only said in its rationale (SYS-COMORB-001, warn): an option ranked ahead of a
    /// demoted one for the same condition is not "without this concern" (PatientFactors.SayWhereFactorsLeft).
    /// </summary>
    public HashSet<Comorbidity> WarnedFor { get; } = [];

    /// <summary>
    /// The patient factors' weight (Rules/PatientFactors): each concern adds one, each factor in its favour takes one
    /// away; with a comorbidity caution it orders equally recommended options (lower first).
    /// </summary>
    public int PatientFactorWeight { get; set; }

    /// <summary>
    /// The patient factors that weighed on it, in words, each with its sign (+1 a concern, -1 in its favour): "prior
    /// toxicity", "co-medication", "the interstitial lung disease caution" — what the ranking names when they decide.
    /// </summary>
    public List<(string Factor, int Weight)> Factors { get; } = [];

    /// <summary>Set for a combination (SYS-COMB-001): the inhibitor continued alongside, off-label or in a trial.</summary>
    public TherapyCombination? Combination { get; init; }

    /// <summary>
    /// Figures a rule recorded for this option outside any trial or guideline table (a combination's case series): the
    /// evidence section lists them once (SYS-EVID-001), so the rationale never carries them (issue #20 item 7).
    /// </summary>
    public (string Reference, string Source, string AppliesTo, string Figures)? OwnEvidence { get; init; }

    public Activity Activity { get; set; }

    public List<string> Notes { get; } = [];

    public List<string> References { get; } = [];

    public void Cite(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (!References.Contains(id))
            {
                References.Add(id);
            }
        }
    }
}

/// <summary>The therapies ruled out, each with every reason (a therapy is never both offered and avoided).</summary>
internal sealed class AvoidList
{
    private readonly Dictionary<Therapy, (List<string> Reasons, List<string> Refs)> items = [];
    private readonly List<Therapy> order = [];

    public bool Contains(Therapy t) => items.ContainsKey(t);

    /// <summary>How many reasons rule the therapy out (0 when it is not avoided).</summary>
    public int ReasonCount(Therapy t) => items.TryGetValue(t, out var entry) ? entry.Reasons.Count : 0;

    /// <summary>Takes a therapy off the list (a rule that finds it may be given after all, SYS-INTOL-002).</summary>
    public void Remove(Therapy t)
    {
        items.Remove(t);
        order.Remove(t);
    }

    public void Add(Therapy t, string reason, IEnumerable<string>? refs = null)
    {
        if (!items.TryGetValue(t, out var entry))
        {
            items[t] = entry = ([], []);
            order.Add(t);
        }

        if (!entry.Reasons.Contains(reason))
        {
            entry.Reasons.Add(reason);
        }

        foreach (var r in refs ?? [])
        {
            if (!entry.Refs.Contains(r))
            {
                entry.Refs.Add(r);
            }
        }
    }

    /// <summary>The items in the order first avoided; references the filter rejects (another driver's) are left out.</summary>
    public IReadOnlyList<AvoidItem> ToItems(Func<string, bool> keep) =>
    [
        .. order.Select(t =>
        {
            var refs = items[t].Refs.Where(keep).ToList();
            return new AvoidItem
            {
                Therapy = t,
                Reason = Sentence(string.Join("; ", items[t].Reasons)),
                References = refs.Count > 0 ? refs : null,
            };
        }),
    ];

    /// <summary>Every reference the avoid reasons cite.</summary>
    public IEnumerable<string> References => items.Values.SelectMany(v => v.Refs);

    private static string Sentence(string s) => s.Length == 0 ? s : s.EndsWith('.') ? Evaluation.Capitalised(s) : string.Create(s.Length + 1, s, static (span, source) =>
    {
        source.CopyTo(span);
        span[0] = char.ToUpperInvariant(source[0]);
        span[^1] = '.';
    });
}
