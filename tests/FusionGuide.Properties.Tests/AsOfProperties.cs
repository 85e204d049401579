using System.Text.RegularExpressions;
using CsCheck;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Domain;
using FusionGuide.Domain.Wire;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Properties.Tests;

/// <summary>
/// The evaluation date over generated cases: CsCheck chooses a case and a date between the first ALK approval era and
/// the knowledge base's release, and the result must be a valid answer for that date — the guideline tables it reads
/// are the ones in force then, a targeted drug not approved in the region on that date is not newly offered (unless
/// the site lists it), the date it reports is that date, and every reference it cites resolves.
/// </summary>
public sealed partial class AsOfProperties
{
    /// <summary>Generated (case, date) pairs per run.</summary>
    public const int DatedCases = 2_000;

    private static readonly DateOnly Earliest = new(2010, 1, 1);

    [Fact]
    public void Every_case_evaluated_on_any_date_reads_only_what_was_in_force_then()
    {
        long cases = 0;
        var days = World.Kb.ReleaseDate.DayNumber - Earliest.DayNumber;
        Gen.Select(Gen.ULong[0, 1_000_000], Gen.Long[0, 1_000_000], Gen.Int[0, days])
            .Sample(
                (seed, index, day) =>
                {
                    Interlocked.Increment(ref cases);
                    var (c, notices) = World.RoundTrip(new CaseSynthesizer(World.Kb, seed).Make(index));
                    Hold(c, notices, Earliest.AddDays(day));
                },
                iter: DatedCases,
                print: t => $"seed {t.Item1}, index {t.Item2}, as of {Earliest.AddDays(t.Item3):yyyy-MM-dd}\n" +
                            ContractJson.Serialize(new CaseSynthesizer(World.Kb, t.Item1).Make(t.Item2), indented: false));
        CaseCount.Report(nameof(Every_case_evaluated_on_any_date_reads_only_what_was_in_force_then), cases, DatedCases);
    }

    private static void Hold(Case c, IReadOnlyList<Domain.Validation.InputNotice> notices, DateOnly asOf)
    {
        var result = World.Engine.Evaluate(c, asOf, notices);
        var json = ContractJson.Serialize(result, indented: false);
        var day = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var errors = World.SchemaErrors(json);
        Invariants.Check(errors.Count == 0, $"as of {day} the result breaks result.schema.json: " + string.Join("; ", errors));
        Invariants.Check(result.AsOf == day, $"asked for {day}, the result says {result.AsOf}");
        Invariants.Check(ContractJson.Serialize(World.Engine.Evaluate(c, asOf, notices), indented: false) == json, $"as of {day} the same case gave different bytes");

        foreach (var entry in result.Trace)
        {
            foreach (Match m in TableInForce().Matches(entry.Detail))
            {
                Invariants.Check(m.Groups[2].Value == day, $"the trace says table '{m.Groups[1].Value}' is in force on {m.Groups[2].Value}, but the result is for {day}");
                Invariants.Check(InForce(m.Groups[1].Value, asOf), $"as of {day} the engine read guideline table '{m.Groups[1].Value}', which is not in force then");
            }

            if (entry.Rule == "SYS-ADJ-001" && AdjuvantTable().Match(entry.Detail) is { Success: true } adjuvant)
            {
                Invariants.Check(InForce(adjuvant.Groups[1].Value, asOf), $"as of {day} the engine read adjuvant table '{adjuvant.Groups[1].Value}', which is not in force then");
            }
        }

        if (c.Context.Region is { } region && region != Region.Other)
        {
            var code = Codes.Region.Code(region);
            foreach (var option in result.SystemicTherapy.Options)
            {
                // A drug the patient is taking now (a history entry without an end) may be continued whatever its
                // regional standing: continuing it is not a new prescription.
                var takenNow = c.History.Any(h => h.Therapy == option.Therapy && h.End is null);
                if (takenNow || c.Context.Available?.Contains(option.Therapy) == true || !World.Kb.HasDrug(option.Therapy) ||
                    !World.Kb.Drug(option.Therapy).IsTargeted)
                {
                    continue;
                }

                // Not approved in the region on that date: the region's records in force say so, and none is an approval
                // dated on or before it. Such a drug is avoided unless the site lists it as obtainable.
                var records = World.Kb.Drug(option.Therapy).Approvals.Where(a => a.Region == region && a.Validity.Contains(asOf)).ToList();
                var approvedThen = records.Any(a => a.Status == ApprovalStatus.Approved && a.Date is { } date && date <= asOf);
                var saysNot = records.Any(a => a.Status is ApprovalStatus.NotApproved or ApprovalStatus.Approved);
                Invariants.Check(approvedThen || !saysNot,
                    $"as of {day} {Codes.Therapy.Code(option.Therapy)} is offered in {code}, where it was not approved then and the site does not list it");
            }
        }

        var cited = result.Trace.SelectMany(t => t.References)
            .Concat(result.SystemicTherapy.Options.SelectMany(o => o.References))
            .Concat(result.SystemicTherapy.Avoid.SelectMany(a => a.References ?? []))
            .Concat(result.Interactions.SelectMany(i => i.References ?? []));
        var unresolved = cited.Where(id => World.Kb.Reference(id) is null).Distinct(StringComparer.Ordinal).ToList();
        Invariants.Check(unresolved.Count == 0, $"as of {day} the result cites references the knowledge base does not hold: {string.Join(", ", unresolved)}");
    }

    /// <summary>
    /// True when some version of the table with this id is in force on the date: on or after its validFrom, before its
    /// validTo, and never before the guideline whose content it holds was published (issue #18: no later content).
    /// </summary>
    private static bool InForce(string tableId, DateOnly asOf) =>
        World.Kb.Regimens.Any(r => r.Id == tableId && r.Validity.Contains(asOf) &&
            (World.Kb.Reference(r.Guideline)?.EarliestDay is not { } published || published <= asOf));


    [GeneratedRegex(@"table '([^']+)' in force on (\d{4}-\d{2}-\d{2})")]
    private static partial Regex TableInForce();

    [GeneratedRegex(@"the adjuvant table (\S+) applies")]
    private static partial Regex AdjuvantTable();
}
