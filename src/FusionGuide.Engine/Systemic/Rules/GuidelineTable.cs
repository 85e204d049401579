using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-TABLE-001: the guideline table in force on asOf for the driver, setting (and prior TKI) gives the candidates.
/// SYS-TABLE-002: a setting with tables, none of them in force yet on asOf: nothing later is applied earlier.
/// SYS-TABLE-003: the table also lists, for this patient, regimens the vocabulary has no code for: named, not ranked.
/// Sources: the rule catalogue, the table's guideline and the table record.
/// </summary>
internal static class GuidelineTable
{
    public const string Id = "SYS-TABLE-001";
    public const string NoTableForDateId = "SYS-TABLE-002";
    public const string NotCodedId = "SYS-TABLE-003";

    /// <summary>The table for progression on a TKI; the situation is that progression.</summary>
    public static Regimen? FindAfter(PlanState p, Therapy failed, ProgressionPattern? pattern)
    {
        var table = Find(p, RegimenSetting.Subsequent, failed);
        p.Situation = $"after {ProgressionWords(pattern)} on {p.Name(failed)}";
        if (table is null)
        {
            p.E.Fire(Id, $"No guideline table in force answers progression on {p.Name(failed)} for {p.KinaseCode}: targeted options are limited to what the genotype supports.");
        }

        return table;
    }

    /// <summary>
    /// The first-line table; the situation names the non-targeted therapies given before the driver was found, and a
    /// completed TKI course.
    /// </summary>
    public static Regimen? FindFirstLine(PlanState p)
    {
        var table = Find(p, RegimenSetting.FirstLine, null);
        var before = p.E.Case.History.Where(x => !p.IsTargeted(x.Therapy)).Select(x => p.Name(x.Therapy)).ToList();
        p.Situation = before.Count > 0
            ? $"first-line targeted therapy for {p.KinaseCode}-positive disease found after {string.Join(", ", before)}{(p.AfterCurativeTreatment ? " (completed curative-intent treatment here: at recurrence or progression)" : "")}"
            : p.LimitedStage is { } stage
                ? $"first-line therapy for {p.KinaseCode}-positive advanced NSCLC (stage {Codes.Stage.Code(stage)} here: only if curative-intent treatment is not possible)"
                : $"first-line therapy for {p.KinaseCode}-positive advanced NSCLC";
        // A completed TKI course (the adjuvant one, SYS-ADJ-005) is part of the situation: the patient is not TKI-naive.
        var completed = CompletedCourse.Of(p);
        if (completed.Count > 0)
        {
            p.Situation += $", after a completed course of {string.Join(" and ", completed.Select(h => $"{p.Name(h.Therapy)}{HistoryReader.Span(h)}"))}";
        }

        return table;
    }

    /// <summary>The table that applies on asOf; of several, the first by id. Null (and the reason traced) when none does.</summary>
    public static Regimen? Find(PlanState p, RegimenSetting setting, Therapy? after)
    {
        var e = p.E;
        var driver = DriverOf(p, setting);
        var what = $"{driver?.Code() ?? "any"} {setting.Code()}{(after is { } a ? $" after {a.Code()}" : "")}";
        var matching = Matching(p, driver, setting, after);
        var table = InForce(matching, e.AsOf);
        var later = matching.Where(r => r.Applies.StartsAfter(e.AsOf)).OrderBy(r => r.Applies.From).FirstOrDefault();
        if (table is null && later is not null)
        {
            p.NoTableForDate = true;
            // Between two tables (a guideline version the knowledge base does not hold) the earlier one is named too:
            // "the earliest" would be false, and the reader needs to know the gap is a gap, not the start of the record.
            var ended = matching.Where(r => r.Applies.To is { } to && to <= e.AsOf).OrderByDescending(r => r.Applies.To).FirstOrDefault();
            var held = ended is null
                ? $"the earliest the knowledge base holds ('{later.Id}', {e.Cite(later.Guideline)}) starts on {later.Applies.From?.Code()}"
                : $"the table before it ('{ended.Id}', {e.Cite(ended.Guideline)}) stopped applying on {ended.Applies.To?.Code()} and the next the knowledge base holds ('{later.Id}', {e.Cite(later.Guideline)}) starts on {later.Applies.From?.Code()}";
            var msg = $"No {what} guideline table is encoded for {e.AsOfText}: {held}, and its content is not applied before then. Decide by the guideline in force on that date.";
            e.Warn(WarningCodes.NoGuidelineTable, msg);
            e.Fire(NoTableForDateId, msg, [later.Guideline]);
        }

        if (table is not null)
        {
            e.Fire(Id, $"{what}: {e.Cite(table.Guideline)} table '{table.Id}' in force on {e.AsOfText} lists {table.Listing}.", [table.Guideline, .. table.Provenance.Sources]);
        }

        return table;
    }

    /// <summary>The table <see cref="Find"/> would choose, looked up without tracing or warning (what comes next).</summary>
    public static Regimen? InForce(PlanState p, RegimenSetting setting, Therapy? after) =>
        InForce(Matching(p, DriverOf(p, setting), setting, after), p.E.AsOf);

    /// <summary>Of the matching tables, the one in force on the date; of several, the first by id.</summary>
    private static Regimen? InForce(List<Regimen> matching, DateOnly asOf) =>
        matching.Where(r => r.Applies.Contains(asOf)).OrderBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault();

    // A small-cell table names no kinase: the SCLC guideline treats any fusion alike.
    private static Gene? DriverOf(PlanState p, RegimenSetting setting) => setting == RegimenSetting.SmallCell ? null : p.Kinase;

    private static List<Regimen> Matching(PlanState p, Gene? driver, RegimenSetting setting, Therapy? after) =>
        [.. p.E.Kb.Regimens.Where(r => r.Driver == driver && r.Setting == setting && (after is not { } t || r.After.Contains(t)))];

    /// <summary>The table's entries whose condition this patient meets become candidates, in table order.</summary>
    public static void Add(PlanState p, Regimen table, ProgressionPattern? pattern)
    {
        for (var i = 0; i < table.Entries.Count; i++)
        {
            var entry = table.Entries[i];
            if (p.Candidates.Any(c => c.Therapy == entry.Therapy))
            {
                continue;
            }

            switch (entry.Condition)
            {
                case RegimenCondition.PreferredUnavailable:
                    p.Deferred.Add((entry, i, table));
                    break;
                case RegimenCondition.Nonsquamous when p.Squamous:
                    p.Avoid.Add(entry.Therapy, $"pemetrexed-based therapy is not used in squamous histology", p.E.Kb.Drug(entry.Therapy).Provenance.Sources);
                    break;
                default:
                    if (Admits(p, entry, pattern))
                    {
                        p.Candidates.Add(FromEntry(p, entry, i, table));
                    }

                    break;
            }
        }

        NameNotCoded(p, table, pattern);
    }

    /// <summary>
    /// Regimens the table lists for this patient that the vocabulary cannot express (the squamous platinum doublets): the
    /// clinician is told what the guideline lists rather than left with an empty or thinner list that looks complete.
    /// Not at poor performance status, where no chemotherapy is recommended (SYS-PS-001 says so).
    /// </summary>
    private static void NameNotCoded(PlanState p, Regimen table, ProgressionPattern? pattern)
    {
        if (PerformanceStatus.RulesOutChemotherapy(p))
        {
            return;
        }

        foreach (var u in table.NotCoded.Where(u => Admits(p, u.Condition, pattern)))
        {
            var whom = u.Condition switch
            {
                RegimenCondition.Squamous => "squamous histology",
                RegimenCondition.Nonsquamous => "non-squamous histology",
                _ => "this patient",
            };
            // A list carried from an earlier version (the current text not read) says so, as an unverified placement does.
            var unread = u.Provenance.Verified ? "" : " (this list is not yet verified against the guideline text)";
            var msg = $"{p.E.Cite(table.Guideline)} also lists, for {whom}, {u.Regimens}{unread}: these regimens have no code in FusionGuide's vocabulary, so they are not ranked here; consider them as the guideline does.";
            p.E.Warn(WarningCodes.RegimenNotCoded, msg);
            p.E.Fire(NotCodedId, msg, [table.Guideline, .. u.Provenance.Sources]);
            p.E.UsedUnverified($"{table.Id}/{u.Id}", u.Provenance);
        }
    }

    /// <summary>The table's entry for a therapy that this patient's condition admits, with its position; null when none.</summary>
    public static (RegimenEntry Entry, int Order)? EntryFor(PlanState p, Regimen table, Therapy therapy, ProgressionPattern? pattern)
    {
        for (var i = 0; i < table.Entries.Count; i++)
        {
            var entry = table.Entries[i];
            if (entry.Therapy == therapy && entry.Condition != RegimenCondition.PreferredUnavailable && Admits(p, entry, pattern))
            {
                return (entry, i);
            }
        }

        return null;
    }

    private static bool Admits(PlanState p, RegimenEntry entry, ProgressionPattern? pattern) => Admits(p, entry.Condition, pattern, entry.Therapy);

    private static bool Admits(PlanState p, RegimenCondition condition, ProgressionPattern? pattern, Therapy? therapy = null) => condition switch
    {
        RegimenCondition.BrainMetastases => p.BrainMets,
        RegimenCondition.GenotypeDirected => therapy is { } t && p.Profile.Of(t) == Activity.Sensitive,
        RegimenCondition.CnsProgression => pattern == ProgressionPattern.Cns,
        RegimenCondition.ExtensiveStage => p.ExtensiveStage,
        RegimenCondition.Squamous => p.Squamous,
        RegimenCondition.Nonsquamous => !p.Squamous,
        _ => true,
    };

    /// <summary>A candidate from a table entry, with the guideline's place for it and its sources.</summary>
    public static Candidate FromEntry(PlanState p, RegimenEntry entry, int order, Regimen table)
    {
        var e = p.E;
        var genotypeDirected = entry.Condition == RegimenCondition.GenotypeDirected;
        var evidence = genotypeDirected ? PatientWording.GenotypeDirectedEvidence(p, entry) : entry.Rationale;
        var c = new Candidate(entry.Therapy, entry.Preference, evidence, order)
        {
            Category = entry.Category,
            Source = (table, entry),
            Placement = $"{PlacementWords(entry.Preference)}{(genotypeDirected ? " when the genotype supports it" : "")}",
            PlacementSource = $"{e.Cite(table.Guideline)}{(entry.Category is { } cat ? $", category {cat}" : "")}",
            // A placement not yet read in the guideline document decides this row: the row says so in a few words
            // (#17 item 4); the trace entry KB-UNVERIFIED-001 names the fact.
            PlacementUnverified = !entry.Provenance.Verified,
        };
        c.Cite(entry.Provenance.Sources);
        c.Cite([table.Guideline]);
        if (entry.NaiveOnly && p.PriorInhibitor)
        {
            LabelScope.OutsideTableEntry(p, c, table);
        }

        if (RowCaveats.Disputed(entry.Provenance) is { } disputed)
        {
            c.Notes.Add(disputed);
        }

        e.UsedUnverified($"{table.Id}/{entry.Therapy.Code()}", entry.Provenance);
        e.UsedUnverified(table.Id, table.Provenance);
        return c;
    }

    /// <summary>The guideline's preference in a reader's words.</summary>
    /// <summary>
    /// The table's preferred targeted entries other than <paramref name="current"/>, not had before and not yet a
    /// candidate, with their position in the table: the switches a rule may show beside a continued TKI (SYS-CONT-005,
    /// SYS-CONT-006).
    /// </summary>
    public static List<(RegimenEntry Entry, int Index)> PreferredNotHad(PlanState p, Regimen table, Therapy current) =>
    [
        .. table.Entries.Select((entry, index) => (entry, index)).Where(x =>
            x.entry.Preference == Preference.Preferred && p.IsTargeted(x.entry.Therapy) && x.entry.Therapy != current &&
            !p.H.TargetedExposure.Contains(x.entry.Therapy) && !p.Candidates.Any(c => c.Therapy == x.entry.Therapy)),
    ];

    public static string PlacementWords(Preference preference) => preference switch
    {
        Preference.Preferred => "a preferred option",
        Preference.OtherRecommended => "another recommended option",
        _ => "an option in certain circumstances",
    };

    /// <summary>The progression pattern in words for a rationale ("after systemic and CNS progression"), never its code.</summary>
    public static string ProgressionWords(ProgressionPattern? pattern) => pattern switch
    {
        ProgressionPattern.Systemic => "systemic progression",
        ProgressionPattern.Cns => "CNS-only progression",
        ProgressionPattern.Oligoprogression => "oligoprogression",
        ProgressionPattern.Both => "systemic and CNS progression",
        _ => "progression",
    };
}
