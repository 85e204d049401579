using System.Globalization;
using System.Text.RegularExpressions;
using FusionGuide.Knowledge.Model;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>How a drafted TKI dose compares with the drug's labelled levels (the knowledge base's dosing).</summary>
internal enum DoseVerdict
{
    /// <summary>Every dosage instruction is a labelled level (start, lead-in or reduction).</summary>
    Labelled,

    /// <summary>The order's dose could not be read, or the label's levels could not: it was not checked.</summary>
    NotChecked,

    /// <summary>A dose that is no labelled level, but not far above the labelled dose.</summary>
    NotLabelled,

    /// <summary>At least twice the highest labelled daily dose, or a single dose at least twice the highest labelled one.</summary>
    FarAbove,
}

/// <summary>The verdict on a drafted order's dose, with the dose in words and what the label allows.</summary>
/// <param name="Verdict">How the dose compares.</param>
/// <param name="Drafted">The drafted dose in words ("600 mg twice daily"), when read.</param>
/// <param name="Daily">Milligrams a day the order gives, when read.</param>
/// <param name="LabelledDaily">The highest labelled milligrams a day, when the label's levels were read.</param>
/// <param name="Why">Why the dose was not checked, when it was not.</param>
/// <param name="Excess">For a far-above dose, the excess in words: the daily amount against the highest labelled one, or
/// the single dose against the highest labelled single dose (alectinib 1200 mg once daily is a labelled day's amount in
/// one dose).</param>
internal sealed record DoseFinding(DoseVerdict Verdict, string? Drafted, decimal? Daily, decimal? LabelledDaily, string? Why, string? Excess = null);

/// <summary>
/// Reads a drafted MedicationRequest's dose as milligrams per dose and doses per day — <c>timing.repeat</c> frequency
/// per period in hours, days or weeks (q12h is twice daily, three times a day is 3), a <c>timing.code</c> (BID, TID,
/// Q8H…), or, only when the structured dose is incomplete, dose text the proposal factory writes ("100 mg once daily")
/// — and compares the per-dose and daily amounts with the labelled levels. An order it cannot read is "not checked",
/// never sound: no card must never mean "not checked".
/// </summary>
internal static partial class DoseCheck
{
    /// <summary>A far-above dose is at least this many times the highest labelled daily (or single) dose.</summary>
    public const decimal FarAboveFactor = 2m;

    /// <summary>Doses per day of the HL7 v3 GTSAbbreviation timing codes EHRs send for oral drugs.</summary>
    private static readonly Dictionary<string, decimal> TimingCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["QD"] = 1, ["AM"] = 1, ["PM"] = 1, ["BED"] = 1, ["BID"] = 2, ["TID"] = 3, ["QID"] = 4, ["QOD"] = 0.5m,
        ["Q4H"] = 6, ["Q6H"] = 4, ["Q8H"] = 3, ["Q12H"] = 2,
    };

    public static DoseFinding Check(MedicationRequest order, Drug drug)
    {
        var levels = Levels(drug);
        if (levels.Count == 0)
        {
            return new DoseFinding(DoseVerdict.NotChecked, null, null, null, "the label's dose levels are not in a form FusionGuide compares");
        }

        var maxDaily = levels.Max(l => l.Mg * l.PerDay);
        var maxSingle = levels.Max(l => l.Mg);
        if (order.DosageInstruction.Count == 0)
        {
            return new DoseFinding(DoseVerdict.NotChecked, null, null, maxDaily, "the order states no dosage");
        }

        // Each instruction (a lead-in and a maintenance phase may be two) is checked; the worst one speaks for the order.
        return order.DosageInstruction.Select(Read).Select(r => r.Dose is { } dose
            ? Compare(dose, levels, maxDaily, maxSingle)
            : new DoseFinding(DoseVerdict.NotChecked, null, null, maxDaily, r.Why)).MaxBy(f => f.Verdict)!;
    }

    private static DoseFinding Compare((decimal Mg, decimal PerDay) dose, List<(decimal Mg, decimal PerDay)> levels, decimal maxDaily, decimal maxSingle)
    {
        var words = Words(dose.Mg, dose.PerDay);
        var daily = dose.Mg * dose.PerDay;
        var dailyFar = daily >= FarAboveFactor * maxDaily;
        var verdict = levels.Contains(dose) ? DoseVerdict.Labelled
            : dailyFar || dose.Mg >= FarAboveFactor * maxSingle ? DoseVerdict.FarAbove
            : DoseVerdict.NotLabelled;
        var excess = verdict != DoseVerdict.FarAbove ? null
            : dailyFar ? $"{Amount(daily)} a day; labelled at most {Amount(maxDaily)} a day"
            : $"{Amount(dose.Mg)} in one dose; labelled at most {Amount(maxSingle)} a dose";
        return new DoseFinding(verdict, words, daily, maxDaily, null, excess);
    }

    /// <summary>Milligrams per dose and doses per day, or null with why the instruction could not be read.</summary>
    private static ((decimal Mg, decimal PerDay)? Dose, string? Why) Read(Dosage dosage)
    {
        var mg = Milligrams(dosage);
        var (perDay, timingWhy) = PerDay(dosage.Timing);
        if (mg is { } m && perDay is { } p)
        {
            return ((m, p), null);
        }

        // The dose text only when the structure is incomplete, and only in the form the proposals are written in.
        if (dosage.Text is { } text && MedicationRequestFactory.SimpleDose().Match(text.Trim().ToLowerInvariant()) is { Success: true } t)
        {
            return ((decimal.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture), t.Groups[2].Value == "once" ? 1 : 2), null);
        }

        var why = mg is null ? "no dose in mg (doseAndRate.doseQuantity)" : timingWhy;
        return (null, dosage.Text is { Length: > 0 } ? $"{why}, and its text is not in the form \"100 mg once daily\"" : why);
    }

    private static decimal? Milligrams(Dosage dosage)
    {
        var q = dosage.DoseAndRate.Select(d => d.Dose).OfType<Quantity>().FirstOrDefault(q => q.Value is not null);
        var unit = q?.Code ?? q?.Unit;
        return unit switch
        {
            "mg" => q!.Value,
            "g" => q!.Value * 1000,
            _ => null,
        };
    }

    private static (decimal? PerDay, string Why) PerDay(Timing? timing)
    {
        if (timing is null)
        {
            return (null, "no timing");
        }

        if (timing.Repeat is { Period: { } period } r && period > 0)
        {
            if (r.FrequencyMax is not null || r.PeriodMax is not null)
            {
                return (null, "a frequency given as a range (frequencyMax or periodMax)");
            }

            decimal? days = r.PeriodUnit switch
            {
                Timing.UnitsOfTime.H => period / 24,
                Timing.UnitsOfTime.D => period,
                Timing.UnitsOfTime.Wk => period * 7,
                _ => null,
            };
            // Rounded so that "every 8 hours" is 3 a day, not 3.0000…3 (decimal thirds).
            return days is { } d ? (Math.Round((r.Frequency ?? 1) / d, 4), "") : (null, "a period unit other than hours, days or weeks");
        }

        if (timing.Code?.Coding.Select(c => c.Code).FirstOrDefault(c => c is not null && TimingCodes.ContainsKey(c)) is { } code)
        {
            return (TimingCodes[code], "");
        }

        return (null, "no frequency FusionGuide reads (timing.repeat frequency and period, or a timing code such as BID)");
    }

    /// <summary>The labelled levels (mg per dose, doses a day): every "N mg once|twice daily" in each regimen's start and reductions.</summary>
    private static List<(decimal Mg, decimal PerDay)> Levels(Drug drug) =>
        [.. drug.Dosing.SelectMany(d => d.Reductions.Prepend(d.Start)).SelectMany(s => Level().Matches(s))
            .Select(m => (decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value == "once" ? 1m : 2m)).Distinct()];

    /// <summary>A dose in words: "600 mg twice daily", "100 mg 3 times a day", "600 mg every other day".</summary>
    private static string Words(decimal mg, decimal perDay)
    {
        var amount = Amount(mg);
        return perDay switch
        {
            1 => $"{amount} once daily",
            2 => $"{amount} twice daily",
            _ when perDay == decimal.Truncate(perDay) => $"{amount} {perDay.ToString("0", CultureInfo.InvariantCulture)} times a day",
            // Less than daily: "every 7 days" rather than "0.14 times a day".
            < 1 when Math.Round(1 / perDay, 1) is var days => $"{amount} every {days.ToString("0.#", CultureInfo.InvariantCulture)} days",
            _ => $"{amount} {perDay.ToString("0.##", CultureInfo.InvariantCulture)} times a day",
        };
    }

    private static string Amount(decimal mg) => $"{mg.ToString("0.##", CultureInfo.InvariantCulture)} mg";

    [GeneratedRegex(@"(\d+(?:\.\d+)?) mg (once|twice) daily", RegexOptions.CultureInvariant)]
    private static partial Regex Level();
}
