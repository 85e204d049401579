using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Properties.Tests;

/// <summary>What must hold for every case the engine accepts. Each check throws with the reason when it breaks.</summary>
internal static partial class Invariants
{
    /// <summary>Evaluates the case and checks every result invariant and metamorphic relation.</summary>
    /// <param name="c">A case the reader accepted.</param>
    /// <param name="notices">The reader's notices for it.</param>
    /// <param name="pick">Chooses the unknown medication and the offered drug made unavailable.</param>
    public static void Hold(Case c, IReadOnlyList<InputNotice> notices, int pick)
    {
        var (result, json) = World.Evaluate(c, notices);

        var errors = World.SchemaErrors(json);
        Check(errors.Count == 0, "the result breaks result.schema.json: " + string.Join("; ", errors));

        var options = Options(result);
        var avoid = result.SystemicTherapy.Avoid.Select(a => a.Therapy).ToHashSet();
        var both = options.Where(avoid.Contains).ToList();
        Check(both.Count == 0, $"offered and avoided at once: {Names(both)}");

        var unavailableOffered = options.Where(c.Context.Unavailable.Contains).ToList();
        Check(unavailableOffered.Count == 0, $"offered though unavailable: {Names(unavailableOffered)}");
        if (c.Context.Available is { } available)
        {
            var outside = options.Where(o => !available.Contains(o)).ToList();
            Check(outside.Count == 0, $"offered though not in context.available [{Names(available)}]: {Names(outside)}");
        }

        var resistant = options.Where(ResistantDrugs(c).Contains).ToList();
        Check(resistant.Count == 0, $"offered though the knowledge base marks it resistant to a reported mutation set: {Names(resistant)}");

        ClinicalSafety(c, result);

        var (_, again) = World.Evaluate(c, notices);
        Check(again == json, "the same case evaluated twice gave different bytes");

        var renamed = World.Evaluate(c with { Id = c.Id is "prop-renamed" ? "prop-renamed-2" : "prop-renamed" }, notices).Result;
        Check(Options(renamed).SequenceEqual(options), $"changing the case id changed the options: [{Names(options)}] → [{Names(Options(renamed))}]");

        var unknown = UnknownMedications.Names[pick % UnknownMedications.Names.Count];
        var withMedication = World.Evaluate(Edit.AddMedication(c, unknown), notices).Result;
        Check(Options(withMedication).SequenceEqual(options), $"adding the unknown medication '{unknown}' changed the options: [{Names(options)}] → [{Names(Options(withMedication))}]");

        if (options.Count > 0)
        {
            var dropped = options[pick % options.Count];
            var after = World.Evaluate(Edit.MakeUnavailable(c, dropped), notices).Result;
            var without = Options(after);
            var added = without.Where(o => !options.Contains(o)).ToList();
            var context = $"(before [{Names(options)}], after [{Names(without)}])";

            // The brief's literal form ("never adds an option") is wrong for this engine: guideline tables admit their
            // lower tiers (crizotinib behind second-generation ALK TKIs, chemotherapy behind the last TKI, a switch
            // behind an ongoing TKI) when a drug of the tier above cannot be obtained (rule preferred-unavailable), so
            // a new option may rightly appear. What must hold: nothing the first result avoided comes back — except a TKI
            // stopped only for intolerance of an event its label manages without stopping for good, which SYS-INTOL-002
            // offers again as a re-challenge when no other TKI is left (the one left was the drug now unobtainable).
            var revived = added.Where(avoid.Contains).Where(t => !IntoleranceRechallenge(c, after, t)).ToList();
            Check(revived.Count == 0, $"marking the offered {Codes.Therapy.Code(dropped)} unavailable offered what was avoided: {Names(revived)} {context}");
            Check(!without.Contains(dropped), $"{Codes.Therapy.Code(dropped)} is still offered after being marked unavailable");
        }
    }

    /// <summary>
    /// True when <paramref name="therapy"/> comes back as SYS-INTOL-002's re-challenge: it was stopped for intolerance and
    /// never for progression, every adverse event recorded on it is grade 4 or less, and the rule's trace entry says it
    /// was offered again.
    /// </summary>
    private static bool IntoleranceRechallenge(Case c, Result after, Therapy therapy) =>
        c.History.Any(h => h.Therapy == therapy && h.StopReason == StopReason.Intolerance)
        && !c.History.Any(h => h.Therapy == therapy && h.StopReason == StopReason.Progression)
        && c.AdverseEvents.Any(ae => ae.Therapy == therapy) && c.AdverseEvents.Where(ae => ae.Therapy == therapy).All(ae => ae.Grade <= 4)
        && after.Trace.Any(t => t.Rule == "SYS-INTOL-002" && t.Detail.StartsWith($"{Codes.Therapy.Code(therapy)}: stopped for intolerance", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Drugs the knowledge base marks resistant to a mutation set reported at progression in ALK or ROS1: the row for
    /// exactly that set when there is one, otherwise the rows of its single mutations.
    /// </summary>
    public static IReadOnlySet<Therapy> ResistantDrugs(Case c)
    {
        var drugs = new HashSet<Therapy>();
        var found = c.Tests.Where(t => t.EffectiveTiming == TestTiming.Progression && t.Mutations.Count > 0 && t.Gene is Gene.Alk or Gene.Ros1).ToList();
        // DX-MUT-001: a finding whose mutations all reappear inside a compound a tissue NGS test phased (not dated before
        // it) is that allele, judged by the compound's row; its own row does not count (C1156Y alone resists crizotinib,
        // C1156Y+L1198F re-sensitises it, Shaw 2016).
        foreach (var test in found.Where(t => !found.Any(later => later.Gene == t.Gene && SensitiveDrugsProperties.Phased(later) &&
                     later.Mutations.Count > t.Mutations.Count && t.Mutations.All(later.Mutations.Contains) && !SensitiveDrugsProperties.DatedBefore(later, t))))
        {
            var gene = test.Gene;
            var set = test.Mutations.ToHashSet(StringComparer.Ordinal);
            // A test that cannot phase its mutations (plasma, or not sequencing) is read mutation by mutation (SYS-RES-007):
            // a drug any single mutation resists must not be offered. (When only the compound explains the progression,
            // the engine reads the compound row, which avoids at least these.)
            var phased = test.Sample != Sample.Plasma && test.Method is TestMethod.NgsDna or TestMethod.NgsRna;
            var exact = phased || set.Count == 1
                ? World.Kb.Resistance.FirstOrDefault(r => r.Gene == gene && r.Mutations.ToHashSet(StringComparer.Ordinal).SetEquals(set))
                : null;
            var rows = exact is not null
                ? [exact]
                : World.Kb.Resistance.Where(r => r.Gene == gene && r.Mutations.Count == 1 && set.Contains(r.Mutations[0])).ToList();
            foreach (var cell in rows.SelectMany(r => r.Cells).Where(x => x.Activity == Knowledge.Model.CellActivity.Resistant))
            {
                drugs.Add(cell.Drug);
            }
        }

        return drugs;
    }

    /// <summary>
    /// Issue #18 over generated cases: a TKI the disease progressed on is offered again only on a resensitises record
    /// (as certain-circumstances, never first while anything else is offered); no regimen giving the same chemotherapy as
    /// one the disease progressed on (SYS-AVOID-003); small-cell histology never gets a TKI
    /// first; an option shown as approved has an approval whose label names the setting; no option or avoid reason cites
    /// a reference tied only to the other kinase.
    /// </summary>
    private static void ClinicalSafety(Case c, Result result)
    {
        var options = result.SystemicTherapy.Options;
        var driver = result.Diagnosis.Driver switch { Driver.Alk => Gene.Alk, Driver.Ros1 => Gene.Ros1, _ => (Gene?)null };
        var current = c.History.Count > 0 && c.History[^1].End is null ? c.History[^1].Therapy : (Therapy?)null;
        foreach (var option in options.Where(o => o.Therapy != current && IsTargeted(o.Therapy)))
        {
            var name = Codes.Therapy.Code(option.Therapy);
            if (c.History.Any(h => h.Therapy == option.Therapy && h.StopReason == StopReason.Progression))
            {
                var record = Resensitising(c, option.Therapy);
                Check(record, $"{name} is offered again after progression on it without a resensitises record for the genotype found");
                Check(option.Preference == Preference.CertainCircumstances, $"the re-challenge of {name} is {Codes.Preference.Code(option.Preference)}, not certain-circumstances");
                Check(options[0].Therapy != option.Therapy || options.Count == 1, $"the re-challenge of {name} is ranked first");
            }
        }

        // SYS-AVOID-003: the same cytotoxic chemotherapy is not offered again after progression on it. A coded regimen
        // not given in the patient's histology (chemo-immunotherapy's pemetrexed regimen in squamous disease, where it is
        // KEYNOTE-407's carboplatin with a taxane) is not that chemotherapy.
        bool NotGivenHere(ChemoRegimen r) =>
            r.NotIn.Any(h => c.Tumor.Histology == h || (h == Histology.Squamous && c.Tumor.Transformation == Transformation.Squamous));
        foreach (var failed in c.History.Where(h => h.StopReason == StopReason.Progression && World.Kb.HasDrug(h.Therapy)))
        {
            if (World.Kb.Drug(failed.Therapy).Regimen is not { } given)
            {
                continue;
            }

            foreach (var option in options.Where(o => World.Kb.HasDrug(o.Therapy) && World.Kb.Drug(o.Therapy).Regimen is { } r && !NotGivenHere(r) && r.SameCytotoxicBackbone(given)))
            {
                Check(false, $"{Codes.Therapy.Code(option.Therapy)} gives the same chemotherapy as {Codes.Therapy.Code(failed.Therapy)}, on which the disease progressed");
            }
        }

        if (c.Tumor.Histology == Histology.SmallCell && options.Count > 0 && driver is not null)
        {
            Check(!IsTargeted(options[0].Therapy), $"small-cell histology, yet a TKI ({Codes.Therapy.Code(options[0].Therapy)}) comes first");
        }

        if (driver is not null && c.Context.Region is { } region && region != Region.Other)
        {
            var setting = result.SystemicTherapy.Setting switch
            {
                Setting.FirstLine => ApprovalSetting.FirstLine,
                Setting.SubsequentTargeted => ApprovalSetting.Subsequent,
                Setting.Adjuvant => ApprovalSetting.Adjuvant,
                _ => (ApprovalSetting?)null,
            };
            var prior = c.History.Any(h => IsTargeted(h.Therapy) && World.Kb.Drug(h.Therapy).Targets.Contains(driver.Value));
            // A label written for use after a TKI "in patients who progressed on or are intolerant to" it covers a patient
            // who stopped that TKI for intolerance, whose setting stays first-line (session 19, Access.StandingOf).
            var intolerantTo = c.History.Where(h => h.StopReason == StopReason.Intolerance && IsTargeted(h.Therapy)).Select(h => h.Therapy).ToList();
            foreach (var option in options.Where(o => setting is not null && o.Therapy != current && IsTargeted(o.Therapy)))
            {
                if (OffLabelOrUnknown().IsMatch(option.Rationale))
                {
                    continue;
                }

                var asOf = DateOnly.ParseExact(result.AsOf!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var covered = World.Kb.Drug(option.Therapy).Approvals.Any(a =>
                    a.Region == region && a.Gene == driver && a.Status == ApprovalStatus.Approved && a.Validity.Contains(asOf) &&
                    a.Date is { } date && date <= asOf && !(prior && a.NaiveOnly) &&
                    (a.Setting == setting || (a.Setting == ApprovalSetting.Advanced && setting != ApprovalSetting.Adjuvant) ||
                     (setting == ApprovalSetting.Subsequent && a.Setting == ApprovalSetting.FirstLine) ||
                     (a.Setting == ApprovalSetting.Subsequent && a.AfterIntolerance && a.After.Any(intolerantTo.Contains))));
                Check(covered, $"{Codes.Therapy.Code(option.Therapy)} is shown as approved for {setting?.Code()} in {Codes.Region.Code(region)}, but no approval's label names that setting");
            }
        }

        if (driver is not null)
        {
            var other = driver == Gene.Alk ? Gene.Ros1 : Gene.Alk;
            var cited = options.SelectMany(o => o.References).Concat(result.SystemicTherapy.Avoid.SelectMany(a => a.References ?? []));
            var foreign = cited.Where(OnlyOf(other).Contains).Distinct().ToList();
            Check(foreign.Count == 0, $"a {driver} answer cites references tied only to {other}: {string.Join(", ", foreign)}");
        }
    }

    private static bool IsTargeted(Therapy t) => World.Kb.HasDrug(t) && World.Kb.Drug(t).IsTargeted;

    /// <summary>True when a progression mutation set of the case has an exact resistance row with a resensitises record for the drug.</summary>
    private static bool Resensitising(Case c, Therapy drug) =>
        c.Tests.Where(t => t.EffectiveTiming == TestTiming.Progression && t.Mutations.Count > 0).Any(t =>
            World.Kb.Resistance.Any(r => r.Gene == t.Gene && r.Mutations.ToHashSet(StringComparer.Ordinal).SetEquals(t.Mutations) &&
                r.Resensitises.Any(x => x.Drug == drug)));

    private static readonly Dictionary<Gene, HashSet<string>> OnlyOfKinase = ReferencesOnlyOf();

    private static HashSet<string> OnlyOf(Gene kinase) => OnlyOfKinase.TryGetValue(kinase, out var set) ? set : [];

    /// <summary>Trials and studies cited only by one kinase's gene-specific records (tables, resistance rows, approvals), by kinase.</summary>
    private static Dictionary<Gene, HashSet<string>> ReferencesOnlyOf()
    {
        var kb = World.Kb;
        var genes = new Dictionary<string, HashSet<Gene>>(StringComparer.Ordinal);
        void Tie(Gene gene, IEnumerable<string> refs)
        {
            foreach (var r in refs)
            {
                (genes.TryGetValue(r, out var set) ? set : genes[r] = []).Add(gene);
            }
        }

        foreach (var r in kb.Regimens.Where(r => r.Driver is not null))
        {
            Tie(r.Driver!.Value, [r.Guideline, .. r.Provenance.Sources, .. r.Entries.SelectMany(x => x.Provenance.Sources)]);
        }

        foreach (var row in kb.Resistance)
        {
            Tie(row.Gene, [.. row.Provenance.Sources, .. row.Cells.SelectMany(x => x.Provenance.Sources)]);
        }

        foreach (var a in kb.Drugs.SelectMany(d => d.Approvals).Where(a => a.Gene is not null))
        {
            Tie(a.Gene!.Value, a.Provenance.Sources);
        }

        return genes.Where(g => g.Value.Count == 1 && kb.Reference(g.Key)?.Kind is ReferenceKind.Trial or ReferenceKind.Study).GroupBy(g => g.Value.First()).ToDictionary(g => g.Key, g => g.Select(x => x.Key).ToHashSet(StringComparer.Ordinal));
    }

    [System.Text.RegularExpressions.GeneratedRegex("off-label|not known|not approved|obtainable")]
    private static partial System.Text.RegularExpressions.Regex OffLabelOrUnknown();

    private static List<Therapy> Options(Result r) => [.. r.SystemicTherapy.Options.Select(o => o.Therapy)];

    private static string Names(IEnumerable<Therapy> therapies) => string.Join(", ", therapies.Select(Codes.Therapy.Code));

    /// <summary>Throws <see cref="InvariantException"/> with the message when the condition is false.</summary>
    public static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvariantException(message);
        }
    }
}

/// <summary>A broken invariant (CsCheck shrinks to the smallest case that throws it).</summary>
internal sealed class InvariantException(string message) : Exception(message);
