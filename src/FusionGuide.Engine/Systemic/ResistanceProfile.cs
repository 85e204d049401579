using FusionGuide.Domain;
using FusionGuide.Engine.Diagnosis;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Systemic.Rules;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic;

/// <summary>Activity of a drug against the mutations found, worst case across mutation sets.</summary>
internal enum Activity
{
    /// <summary>
    /// No mutation found, none the table covers for this drug, a set found that does not rate it, or a compound judged
    /// from its parts one of which does not rate it (SYS-RES-002).
    /// </summary>
    Unknown,
    /// <summary>Sensitive to every mutation set found (every part of a compound judged from its parts).</summary>
    Sensitive,
    /// <summary>Intermediate against at least one set.</summary>
    Intermediate,
    /// <summary>Resistant to at least one set.</summary>
    Resistant,
}

/// <summary>One drug's verdict against one mutation set, with its evidence.</summary>
/// <param name="set">The mutation set found.</param>
/// <param name="activity">The drug's activity against it.</param>
/// <param name="drug">The drug as written in evidence (lower case).</param>
/// <param name="cited">The cell's "IC50 …; citations" part.</param>
/// <param name="activityText">The activity as the table writes it.</param>
/// <param name="sources">The cell's references.</param>
/// <param name="estimated">Judged from the parts of a compound mutation.</param>
/// <param name="factId">The cell's knowledge id ("alk-i1171n/crizotinib"), as <c>kb audit</c> names it.</param>
/// <param name="cell">The cell's verification fields: an unverified cell is named in the result by its id.</param>
/// <param name="disputed">"sources disagree: …" when the cell's sources disagree (<see cref="RowCaveats.Disputed"/>).</param>
internal sealed class ActivityFinding(MutationSet set, Activity activity, string drug, string cited, string activityText,
    IReadOnlyList<string> sources, bool estimated, string factId, Provenance cell, string? disputed = null)
{
    private readonly string drug = drug;
    private string? evidence;

    public MutationSet Set { get; } = set;

    public Activity Activity { get; } = activity;

    public IReadOnlyList<string> Sources { get; } = sources;

    public bool Estimated { get; } = estimated;

    /// <summary>The cell's knowledge id, so the unverified-knowledge trace names it as <c>kb audit</c> does.</summary>
    public string FactId { get; } = factId;

    /// <summary>The cell's verification fields.</summary>
    public Provenance Cell { get; } = cell;

    public bool Unverified => !Cell.Verified;

    /// <summary>The activity as the table writes it, with why a laboratory activity counts for less ("intermediate in the laboratory, but …").</summary>
    public string ActivityText { get; } = activityText;

    /// <summary>
    /// "G1202R found on plasma NGS: lorlatinib sensitive (IC50 …; Gainor 2016)", and "; sources disagree: …" when the
    /// cell is disputed, so the option or avoid row the cell decides names the disagreement (issue #17 item 4). Written
    /// when a rule first quotes it: a mutation set has a finding for every drug in the table, and most of those drugs are
    /// never offered or avoided.
    /// </summary>
    public string Evidence => evidence ??= Activity == Activity.Unknown
        ? $"{Set.Name} found on {Set.Source}: {drug}'s activity against it is unknown ({Gap})"
        : $"{Set.Name} found on {Set.Source}: {drug} {(Estimated ? "is judged " : "")}{ActivityText} ({cited}){(disputed is { } d ? $"; {d}" : "")}";

    /// <summary>
    /// For a compound judged from its parts whose activity is unknown (SYS-RES-002): what is missing, in words for this
    /// patient ("no activity record against F2004C", "not rated by the activity table's I1171N+D1203N row"). Null for
    /// every other finding.
    /// </summary>
    public string? Gap { get; private init; }

    /// <summary>
    /// For a compound judged from its parts: set when this finding's "intermediate" comes only from a part found at
    /// clinical progression on the drug although the laboratory rates it active ("D1203N found at progression on it in
    /// patients, though the laboratory rates it sensitive"). Such a part is no evidence of partial activity against the
    /// compound, so SYS-RES-002 turns the finding unknown (named, never offered) with this as its gap.
    /// </summary>
    public string? EmergedGap { get; init; }

    /// <summary>
    /// This finding (a part's "sensitive") turned into "unknown" against its compound because <paramref name="gap"/>:
    /// it keeps the part's cell and sources, which are what the drug is known to do against the compound's parts.
    /// </summary>
    public ActivityFinding Unrated(string gap) =>
        new(Set, Activity.Unknown, drug, cited, "unknown", Sources, Estimated, FactId, Cell, disputed) { Gap = gap };
}

/// <summary>The resistance picture: for every drug, its activity against each mutation set found at progression.</summary>
internal sealed class ResistanceProfile
{
    /// <summary>SYS-RES-001: each mutation set found is read against the activity table (avoid side: Rules/ResistantAvoided).</summary>
    public const string ResistanceId = "SYS-RES-001";

    /// <summary>
    /// SYS-RES-002: a compound not in the table is judged from its single mutations — a part's resistant or intermediate
    /// carries (worst case); sensitive only when every part rates the drug sensitive, else unknown, with what is missing.
    /// </summary>
    public const string CompoundEstimatedId = "SYS-RES-002";

    /// <summary>SYS-RES-003: a mutation not in the table does not steer the choice.</summary>
    public const string UnknownMutationId = "SYS-RES-003";

    private readonly Dictionary<Therapy, List<ActivityFinding>> findings = [];
    private readonly List<(MutationSet Set, Resensitisation Record)> resensitised = [];
    private readonly List<string> notYetPublished = [];

    public ResistanceProfile(Evaluation e, IReadOnlyList<MutationSet> sets, Therapy? progressedOn)
    {
        // An unphased multi-mutation finding is read as its single mutations (SYS-RES-007), unless only the compound
        // explains the progression on the TKI just failed.
        Sets = [.. sets.SelectMany(set => !UnphasedMutations.Applies(set) ? [set]
            : UnphasedMutations.CompoundExplainsProgression(e, set, progressedOn) ? UnphasedMutations.AsCompound(e, set, progressedOn!.Value)
            : UnphasedMutations.Split(e, set))];
        foreach (var set in Sets)
        {
            Read(e, set);
        }

        PublishedBy.Trace(e, notYetPublished);
    }

    public IReadOnlyList<MutationSet> Sets { get; }

    public bool HasGenotype => Sets.Count > 0;

    public IReadOnlyList<ActivityFinding> For(Therapy t) => findings.TryGetValue(t, out var list) ? list : [];

    /// <summary>
    /// The knowledge base's clinical evidence that a mutation set found now restores the activity of a TKI the disease
    /// progressed on, when the set emerged on <paramref name="emergedOn"/> (a record without <c>after</c> holds after any
    /// TKI). Only a record for exactly the set found counts; a compound judged from its parts never does.
    /// </summary>
    public IEnumerable<(MutationSet Set, Resensitisation Record)> Resensitising(Therapy drug, Therapy? emergedOn)
    {
        return resensitised.Where(x => x.Record.Drug == drug && (x.Record.After.Count == 0 || (emergedOn is { } on && x.Record.After.Contains(on))));
    }

    /// <summary>
    /// The worst case across the sets found: resistant or intermediate against any set carries; sensitive only when every
    /// set rates the drug sensitive — a set that does not rate it (no cell, or a compound with an unrated part) leaves
    /// its activity unknown.
    /// </summary>
    public Activity Of(Therapy t)
    {
        var list = For(t);
        return list.Any(f => f.Activity == Activity.Resistant) ? Activity.Resistant
            : list.Any(f => f.Activity == Activity.Intermediate) ? Activity.Intermediate
            : list.Count > 0 && list.Count == Sets.Count && list.All(f => f.Activity == Activity.Sensitive) ? Activity.Sensitive
            : Activity.Unknown;
    }

    private void Read(Evaluation e, MutationSet set)
    {
        var gene = Codes.Gene.Code(set.Gene);
        var exact = e.Kb.ResistanceFor(set.Gene, set.Mutations);
        if (exact is not null)
        {
            foreach (var cell in exact.Cells)
            {
                AddCell(e, set, exact, cell, estimated: false);
            }

            foreach (var record in exact.Resensitises)
            {
                if (PublishedBy.NotYet(e, record.Provenance.Sources) is { } first)
                {
                    notYetPublished.Add($"re-sensitisation of {e.Name(record.Drug)} by {set.Name} (first published {first})");
                    continue;
                }

                resensitised.Add((set, record));
            }

            e.Fire(ResistanceId, $"{gene} {set.Name} ({set.Source}): {Summary(exact)}.", exact.Provenance.Sources);
            PartsForUnratedDrugs(e, set, exact);
            return;
        }

        var singles = set.Mutations.Select(m => e.Kb.ResistanceFor(set.Gene, [m])).ToList();
        var unknown = set.Mutations.Where((m, i) => singles[i] is null).ToList();
        if (unknown.Count > 0)
        {
            var msg = $"{gene} {string.Join(", ", unknown)} ({set.Source}) is not in the knowledge base's activity table: its effect on each TKI is unknown, so it does not steer the choice. Review with a molecular tumour board.";
            e.Warn(WarningCodes.UnknownMutation, msg);
            e.Fire(UnknownMutationId, msg);
        }

        var known = singles.OfType<ResistanceRow>().ToList();
        if (known.Count == 0)
        {
            return;
        }

        foreach (var row in known)
        {
            foreach (var cell in row.Cells)
            {
                AddCell(e, set, row, cell, estimated: set.Mutations.Count > 1);
            }
        }

        if (set.Mutations.Count > 1)
        {
            // Sensitive stands only when every part rates the drug; a gap in any part leaves it unknown (issue #17).
            var gaps = UnratedByAPart(e, set, therapy => set.Mutations.Where((m, i) => singles[i]?.Cells.Any(c => c.Drug == therapy && Published(e, c)) != true).ToList() switch
            {
                [] => null,
                var missing => $"no activity record against {string.Join(" or ", missing)}",
            });
            var unknownNow = gaps.Count == 0 ? "" : $" {string.Join(" ", gaps.Select(g => $"{Evaluation.Capitalised(g.Drug)} has {g.Gap}, so its activity against {set.Name} is unknown."))}";
            var msg = $"The compound {gene} {set.Name} is not in the activity table, so it is judged from its single mutations: a drug any of them resists, or only partly inhibits, is judged so; a drug is judged sensitive only when every one of them rates it sensitive, as compound mutations often resist more than their parts (Yoda 2018; Shiba-Ishii 2022).{unknownNow}";
            e.Warn(WarningCodes.CompoundEstimated, msg);
            e.Fire(CompoundEstimatedId, msg);
        }

        foreach (var row in known)
        {
            e.Fire(ResistanceId, $"{gene} {row.Name} ({set.Source}): {Summary(row)}.", row.Provenance.Sources);
        }
    }

    /// <summary>
    /// SYS-RES-002's "sensitive only when every part rates it": each drug judged sensitive against <paramref name="set"/>
    /// from its parts, for which <paramref name="gapFor"/> names something missing, becomes unknown against it, with
    /// the gap in words. Returns the drugs turned unknown (display names) and their gaps, in the order first read.
    /// </summary>
    private List<(string Drug, string Gap)> UnratedByAPart(Evaluation e, MutationSet set, Func<Therapy, string?> gapFor)
    {
        var turned = new List<(string, string)>();
        foreach (var (therapy, list) in findings)
        {
            var i = list.FindIndex(f => f.Set == set);
            if (i >= 0 && list[i].Activity == Activity.Sensitive && gapFor(therapy) is { } gap)
            {
                list[i] = list[i].Unrated(gap);
                turned.Add((e.Name(therapy), gap));
            }
            else if (i >= 0 && list[i] is { Activity: Activity.Intermediate, EmergedGap: { } emerged })
            {
                list[i] = list[i].Unrated(emerged);
                turned.Add((e.Name(therapy), emerged));
            }
        }

        return turned;
    }

    /// <summary>
    /// SYS-RES-002 for a compound whose row rates only some drugs (I1171N+D1203N rates alectinib and lorlatinib): a drug
    /// the row leaves out is judged by its single mutations where they resist it, since a compound resists at least what
    /// each part resists — crizotinib is never offered for a compound that contains I1171N. A part's "sensitive" is not
    /// carried over: the compound's own row is the evidence for it and is silent on the drug, and compounds often resist
    /// more than their parts (Yoda 2018), so the drug's activity against the compound is unknown — said in words, as for
    /// a compound not in the table with an unrated part.
    /// </summary>
    private void PartsForUnratedDrugs(Evaluation e, MutationSet set, ResistanceRow compound)
    {
        if (set.Mutations.Count < 2)
        {
            return;
        }

        var rated = compound.Cells.Where(c => Published(e, c)).Select(c => c.Drug).ToHashSet();
        var parts = set.Mutations.Select(m => e.Kb.ResistanceFor(set.Gene, [m])).OfType<ResistanceRow>().ToList();
        var carried = parts.SelectMany(r => r.Cells.Select(c => (Row: r, Cell: c))).Where(x => !rated.Contains(x.Cell.Drug)).ToList();
        if (carried.Count == 0)
        {
            return;
        }

        // Every part cell for a drug the row leaves out is read (worst part kept); a drug left sensitive is then unknown.
        foreach (var (row, cell) in carried)
        {
            AddCell(e, set, row, cell, estimated: true);
        }

        var gaps = UnratedByAPart(e, set, therapy => rated.Contains(therapy) ? null : $"not rated by the activity table's {set.Name} row");
        var judged = carried.Select(x => x.Cell.Drug).Distinct().Select(e.Name).Except(gaps.Select(g => g.Drug)).ToList();
        var theRow = $"The {Codes.Gene.Code(set.Gene)} {set.Name} row";
        var resisted = judged.Count == 0 ? "" : $"{theRow} does not rate {string.Join(", ", judged)}: each is judged by what its single mutations resist ({string.Join(", ", parts.Select(r => r.Name))}).";
        var (them, their) = gaps.Count == 1 ? ("it", "its") : ("them", "their");
        var unknown = gaps.Count == 0 ? "" : $"{theRow} does not rate {Joined(gaps.Select(g => g.Drug))} and no single mutation resists {them}, but a part's sensitivity is not carried to a compound: {their} activity against {set.Name} is unknown.";
        e.Fire(CompoundEstimatedId, string.Join(" ", new[] { resisted, unknown }.Where(x => x.Length > 0)), [.. parts.SelectMany(r => r.Provenance.Sources).Distinct()]);
    }

    /// <summary>"a, b and c".</summary>
    private static string Joined(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count < 2 ? string.Join("", list) : $"{string.Join(", ", list[..^1])} and {list[^1]}";
    }

    /// <summary>"lorlatinib sensitive, alectinib resistant, …": a row's cells as the resistance rule's trace lists them.</summary>
    private static string Summary(ResistanceRow row) => string.Join(", ", row.Cells.Select(c => $"{c.Drug.Code()} {c.Activity.Code()}"));

    /// <summary>
    /// A cell is a record of the drug's activity only from its first publication (SYS-DATE-001): one published later
    /// is neither read nor counts as rating the drug, so a compound judged from its parts, or a compound row, treats it
    /// as missing.
    /// </summary>
    private static bool Published(Evaluation e, ResistanceCell cell) => PublishedBy.NotYet(e, cell.Provenance.Sources) is null;

    private void AddCell(Evaluation e, MutationSet set, ResistanceRow row, ResistanceCell cell, bool estimated)
    {
        var therapy = cell.Drug;
        var drug = e.Name(therapy).ToLowerInvariant();
        if (!Published(e, cell))
        {
            // SYS-DATE-001: the drug's activity against this part was not yet known on the evaluation date.
            var first = PublishedBy.NotYet(e, cell.Provenance.Sources);
            notYetPublished.Add($"{drug} against {row.Name} (first published {first})");
            return;
        }

        var activity = cell.Activity switch { CellActivity.Sensitive => Activity.Sensitive, CellActivity.Intermediate => Activity.Intermediate, _ => Activity.Resistant };
        var activityText = cell.Activity.Code();
        if (cell.EmergedOnDrug && activity != Activity.Resistant)
        {
            // A mutation found at clinical progression on the drug outweighs its laboratory activity: never fully
            // sensitive, and the evidence says why (docs/knowledge-format.md, resistance cells).
            activity = Activity.Intermediate;
            activityText = $"{activityText} in the laboratory, but the mutation has emerged at progression on {drug} in patients, so it counts as intermediate at best";
        }

        if (!findings.TryGetValue(therapy, out var list))
        {
            findings[therapy] = list = [];
        }

        // With a compound judged from its parts, keep the worst part per set.
        var existing = list.FindIndex(f => f.Set == set);
        var finding = new ActivityFinding(set, activity, drug, cell.Cited, activityText, cell.Provenance.Sources, estimated, $"{row.Id}/{therapy.Code()}", cell.Provenance, RowCaveats.Disputed(cell.Provenance))
        {
            EmergedGap = estimated && cell.EmergedOnDrug && cell.Activity != CellActivity.Resistant
                ? $"{row.Name} found at progression on {drug} in patients, though the laboratory rates it {cell.Activity.Code()}"
                : null,
        };
        if (existing < 0)
        {
            list.Add(finding);
        }
        else if (activity > list[existing].Activity || (activity == list[existing].Activity && list[existing].EmergedGap is not null && finding.EmergedGap is null))
        {
            // Of two intermediate parts, a laboratory intermediate is kept over one that only emerged clinically: it is
            // evidence of partial activity, which the other is not.
            list[existing] = finding;
        }
    }
}
