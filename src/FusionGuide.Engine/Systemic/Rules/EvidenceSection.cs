using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-EVID-001: the evidence behind the options, listed once per result (issue #20 item 7). For each option, in rank
/// order: the trials of that drug whose driver and setting are the case's (<c>knowledge/trials</c>, typed driver and
/// setting); where no trial record applies, the figures of the guideline entry the option comes from (its table is
/// the case's driver and setting by construction); with brain metastases, the drug's intracranial summary when its
/// setting is the case's and its sources are of this kinase. A trial of another setting or driver is never listed —
/// the trace names the ones left out. Sources: the rule catalogue.
/// </summary>
internal static class EvidenceSection
{
    public const string Id = "SYS-EVID-001";

    public static IReadOnlyList<EvidenceEntry>? Build(PlanState p, IReadOnlyList<Candidate> ranked, Setting setting)
    {
        var e = p.E;
        var entries = new List<Entry>();
        var leftOut = new SortedSet<string>(StringComparer.Ordinal);
        var notYetPublished = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var c in ranked)
        {
            var trials = e.Kb.Trials.Where(t => t.Drug == c.Therapy).ToList();
            // A trial whose driver or setting the knowledge does not say (a format-1 release) is never quoted.
            var matching = trials.Where(t => t.Driver == p.Kinase && t.Setting is { } s && Applies(s, setting)).ToList();
            foreach (var t in trials.Except(matching))
            {
                leftOut.Add($"{t.Name} ({(t.Driver is not { } d ? "driver not recorded" : d != p.Kinase ? $"{d.Code()}-positive disease" : t.Setting is { } s ? $"{Words(s)} setting" : "setting not recorded")})");
            }

            foreach (var t in matching)
            {
                // SYS-DATE-001: only the figures published by the evaluation date (CROWN's 7-year data not in 2025).
                var published = t.Results.Where(r => PublishedBy.NotYet(e, [r.Reference, .. r.Provenance.Sources]) is null).ToList();
                foreach (var r in t.Results.Except(published))
                {
                    notYetPublished.Add($"{t.Name} {r.Endpoint.Code()} ({e.Cite(r.Reference ?? (r.Provenance.Sources is [var first, ..] ? first : t.Id))})");
                }

                if (published.Count > 0)
                {
                    Add(entries, t.Id, () => FromTrial(p, t, published)).Therapies.Add(c.Therapy);
                }
            }

            if (matching.Count == 0 && c.Source is { } source && TableFigures(p, c) is { Count: > 0 } figures)
            {
                var entry = Add(entries, source.Table.Id, () => new Entry(source.Table.Guideline, e.Cite(source.Table.Guideline), TableScope(p, source.Table)));
                entry.Therapies.Add(c.Therapy);
                entry.Figures.Add($"{p.Name(c.Therapy)}: {string.Join("; ", figures)}");
                entry.Cite(source.Entry.Provenance.Sources);
            }

            if (c.OwnEvidence is { } own)
            {
                var entry = Add(entries, $"{c.Therapy.Code()}-{own.Reference}", () => new Entry(own.Reference, own.Source, own.AppliesTo));
                entry.Therapies.Add(c.Therapy);
                entry.Figures.Add(own.Figures);
            }

            if (p.BrainMets && !c.IsContinuation && e.Kb.Drug(c.Therapy).Cns is { Summary: { } summary, Setting: { } cnsSetting } cns
                && cns.Provenance.Sources.All(r => DriverReferences.Keep(p, r)))
            {
                if (!Applies(cnsSetting, setting))
                {
                    leftOut.Add($"{p.Name(c.Therapy)} intracranial data ({Words(cnsSetting)} setting)");
                }
                else if (PatientWording.ForThisPatient(p, summary) is { } said && cns.Provenance.Sources.Count > 0)
                {
                    var entry = Add(entries, $"{c.Therapy.Code()}-cns", () => new Entry(cns.Provenance.Sources[0], $"{e.Cite(cns.Provenance.Sources[0])} (intracranial)",
                        $"patients with brain metastases, {Words(cnsSetting)} {p.KinaseCode}-positive NSCLC"));
                    entry.Therapies.Add(c.Therapy);
                    entry.Figures.Add(said);
                    entry.Cite(cns.Provenance.Sources);
                }
            }
        }

        PublishedBy.Trace(e, notYetPublished);
        if (entries.Count == 0 && leftOut.Count == 0)
        {
            return null;
        }

        var listed = entries.Count == 0 ? "none recorded" : string.Join(", ", entries.Select(x => x.Source));
        e.Fire(Id, $"Evidence listed for this {p.KinaseCode} {Codes.Setting.Code(setting)} case: {listed}.{(leftOut.Count > 0 ? $" Not quoted (another setting or driver): {string.Join(", ", leftOut)}." : "")}",
            [.. entries.Select(x => x.Reference)]);
        return entries.Count == 0 ? null : [.. entries.Select(x => x.ToResult(p))];
    }

    /// <summary>A trial's figures apply to the case's setting: first-line to first-line, after a TKI to later lines, adjuvant to adjuvant.</summary>
    public static bool Applies(TrialSetting trial, Setting setting) => trial switch
    {
        TrialSetting.FirstLine => setting == Setting.FirstLine,
        TrialSetting.AfterTki => setting is Setting.SubsequentTargeted or Setting.PostTargeted,
        TrialSetting.Adjuvant => setting == Setting.Adjuvant,
        _ => setting is Setting.FirstLine or Setting.SubsequentTargeted or Setting.PostTargeted,
    };

    private static string Words(TrialSetting s) => s switch
    {
        TrialSetting.FirstLine => "first-line",
        TrialSetting.AfterTki => "after-TKI",
        TrialSetting.Adjuvant => "adjuvant",
        _ => "TKI-naive and pretreated",
    };

    /// <summary>The trial's entry with its <paramref name="results"/> (those published by the evaluation date).</summary>
    private static Entry FromTrial(PlanState p, Trial t, IReadOnlyList<TrialResult> results)
    {
        var refs = results.Select(r => r.Reference).OfType<string>().Concat(t.Provenance.Sources).Distinct().ToList();
        var entry = new Entry(refs.FirstOrDefault() ?? t.Id, t.Name, t.Population ?? $"{Words(t.Setting!.Value)} {p.KinaseCode}-positive NSCLC");
        foreach (var r in results)
        {
            if (!r.Provenance.Verified)
            {
                p.E.UsedUnverified(t.ResultId(r), r.Provenance);
            }

            entry.Figures.Add($"{r.Endpoint.Code()}: {r.Value}{(r.Provenance.Verified ? "" : " (not yet verified)")}");
        }

        entry.Cite(refs);
        return entry;
    }

    /// <summary>The figure clauses of the option's guideline entry, without those about mutations the patient does not have.</summary>
    private static List<string> TableFigures(PlanState p, Candidate c) =>
        [.. FigureClauses.Split(c.Source!.Value.Entry.Rationale).Figures.Select(f => PatientWording.ForThisPatient(p, f)).OfType<string>()];

    private static string TableScope(PlanState p, Regimen table)
    {
        var after = table.After.Count > 0 ? $" after {string.Join(", ", table.After.Select(p.Name))}" : "";
        return $"{table.Driver?.Code() ?? "any driver"}, {table.Setting.Code()}{after} (the guideline table in force)";
    }

    private static Entry Add(List<Entry> entries, string key, Func<Entry> create)
    {
        if (entries.FirstOrDefault(x => x.Key == key) is { } found)
        {
            return found;
        }

        var entry = create();
        entry.Key = key;
        entries.Add(entry);
        return entry;
    }

    /// <summary>An entry while it is being built.</summary>
    private sealed class Entry(string reference, string source, string appliesTo)
    {
        public string Key { get; set; } = "";

        public string Reference { get; } = reference;

        public string Source { get; } = source;

        public List<string> Figures { get; } = [];

        public List<Therapy> Therapies { get; } = [];

        public List<string> References { get; } = [reference];

        public void Cite(IEnumerable<string> ids) => References.AddRange([.. ids.Where(id => !References.Contains(id)).Distinct()]);

        public EvidenceEntry ToResult(PlanState p) => new()
        {
            Reference = Reference,
            Source = Source,
            AppliesTo = appliesTo,
            Figures = Figures,
            Therapies = [.. Therapies.Distinct()],
            References = [.. References.Where(r => DriverReferences.Keep(p, r))],
        };
    }
}
