using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;

namespace FusionGuide.Engine.Treatment;

/// <summary>Reads the ordered history into failures, intolerance, continuation and line, and flags contradictions.</summary>
internal static class HistoryReader
{
    public static TreatmentHistory Read(Evaluation e)
    {
        var history = e.Case.History;
        var failed = new List<HistoryEntry>();
        var intolerant = new List<HistoryEntry>();
        var targetedExposure = new HashSet<Therapy>();
        HistoryEntry? ongoing = null;
        HistoryEntry? continued = null;
        for (var i = 0; i < history.Count; i++)
        {
            var h = history[i];
            var isLast = i == history.Count - 1;
            if (IsTargeted(e, h.Therapy))
            {
                targetedExposure.Add(h.Therapy);
            }

            switch (h.StopReason)
            {
                case StopReason.Progression when h.End is null && isLast && IsLimited(h.ProgressionPattern) && IsTargeted(e, h.Therapy):
                    continued = h;
                    break;
                case StopReason.Progression:
                    failed.Add(h);
                    break;
                case StopReason.Intolerance:
                    intolerant.Add(h);
                    break;
                case StopReason.Ongoing:
                case null when h.End is null && isLast:
                    ongoing = h;
                    break;
                case null when IsTargeted(e, h.Therapy):
                    // A TKI that ended with no reason given is read as stopped at progression (SET-HISTORY-003): not
                    // offered again as if the patient were naive to it, and said.
                    failed.Add(h);
                    StopReasonMissing(e, h, "read as stopped at progression, so it is not offered again and the next line follows; if it was stopped for intolerance or completed as planned, record that: the setting and options would change");
                    break;
                case null:
                    StopReasonMissing(e, h, "not counted as a line ended by progression; if the disease progressed on it, record that: the line would change");
                    break;
                default:
                    break;
            }
        }

        var lastFailedTargeted = failed.LastOrDefault(h => IsTargeted(e, h.Therapy));
        var lastFailure = failed.LastOrDefault();
        var result = new TreatmentHistory(failed, continued, intolerant, ongoing, lastFailedTargeted, lastFailure?.ProgressionPattern, 1 + failed.Count)
        {
            TargetedExposure = targetedExposure,
        };
        Describe(e, result);
        CheckConsistency(e);
        return result;
    }

    public static bool IsTargeted(Evaluation e, Therapy t) => e.Kb.Drug(t).IsTargeted;

    /// <summary>SET-HISTORY-003: a therapy that ended with no stop reason is read one way and the answer says which.</summary>
    private static void StopReasonMissing(Evaluation e, HistoryEntry h, string reading)
    {
        var msg = $"{Evaluation.Capitalised(e.Name(h.Therapy))}{Span(h)} has no stop reason: {reading}.";
        e.Warn(WarningCodes.StopReasonMissing, msg);
        // Trace id SET-HISTORY-003 (RuleIds.StopReasonMissing) is written here; its sources: knowledge/rules/SET-HISTORY-003.json.
        e.Fire(RuleIds.StopReasonMissing, msg);
    }

    private static bool IsLimited(ProgressionPattern? p) => p is ProgressionPattern.Oligoprogression or ProgressionPattern.Cns;

    private static void Describe(Evaluation e, TreatmentHistory t)
    {
        if (e.Case.History.Count == 0)
        {
            // Trace id SET-HISTORY-001 (RuleIds.History) is written here; its sources: knowledge/rules/SET-HISTORY-001.json.
            e.Fire(RuleIds.History, "No prior systemic therapy recorded.");
            return;
        }

        var parts = e.Case.History.Select((h, i) => $"{e.Name(h.Therapy)}{Span(h)}{Why(h, i == e.Case.History.Count - 1)}");
        e.Fire(RuleIds.History, $"History in order: {string.Join("; ", parts)}; {t.Failed.Count} line(s) ended in progression.");
        foreach (var h in t.Intolerant.Where(h => IsTargeted(e, h.Therapy)))
        {
            e.Fire(RuleIds.Intolerance, $"{e.Name(h.Therapy)} was stopped for intolerance, not resistance: the next TKI is chosen from the same standing, not a later line.");
        }
    }

    /// <summary>" since 2025-03" for a therapy taken now (empty without a start): how a continued option opens.</summary>
    public static string Since(HistoryEntry h) => h.Start is { } s ? $" since {s}" : "";

    public static string Span(HistoryEntry h) => (h.Start, h.End) switch
    {
        (null, null) => "",
        ({ } s, null) => $" (from {s})",
        (null, { } end) => $" (until {end})",
        ({ } s, { } end) => $" ({s} to {end})",
    };

    private static string Why(HistoryEntry h, bool last) => h.StopReason switch
    {
        // Progression with no end date on the last therapy is one still taken beyond progression (contract): not "stopped".
        StopReason.Progression when h.End is null && last => h.ProgressionPattern is { } p ? $", {Codes.ProgressionPattern.Code(p)} progression on it, still taken" : ", progression on it, still taken",
        StopReason.Progression => h.ProgressionPattern is { } p ? $", stopped for {Codes.ProgressionPattern.Code(p)} progression" : ", progression",
        StopReason.Intolerance => ", stopped for intolerance",
        StopReason.Completed => ", completed",
        StopReason.Ongoing => ", ongoing",
        _ => "",
    };

    private static void CheckConsistency(Evaluation e)
    {
        var history = e.Case.History;
        for (var i = 0; i < history.Count; i++)
        {
            var h = history[i];
            // Named only when something is wrong (most histories are consistent); in words, counted from 1, as the
            // terminal's problem sentences name it, never by its JSON path.
            string Where() => $"Treatment {i + 1} in the history ({e.Name(h.Therapy)})";
            if (PartialDate.TryParse(h.Start, out var start) && PartialDate.TryParseLatest(h.End, out var end) && end < start)
            {
                Inconsistent(e, $"{Where()} ends ({h.End}) before it starts ({h.Start}).");
            }

            if (h.StopReason == StopReason.Ongoing && h.End is not null)
            {
                Inconsistent(e, $"{Where()} is marked ongoing but has an end date ({h.End}).");
            }

            if (h.ProgressionPattern is not null && h.StopReason is not StopReason.Progression)
            {
                Inconsistent(e, $"{Where()} has a progression pattern but did not stop for progression.");
            }

            // The latest progression was in the CNS, yet the case records no brain metastases: one of the two is wrong,
            // and the brain plan (which reads the disease) cannot treat what the case says is absent.
            if (i == history.Count - 1 && h.ProgressionPattern is ProgressionPattern.Cns or ProgressionPattern.Both
                && e.Case.Disease.BrainMetastases is { Present: false })
            {
                Inconsistent(e, $"{Where()} progressed in the CNS, but the case records no brain metastases: correct the brain findings (count, symptoms, leptomeningeal disease) or the progression pattern.");
            }

            if (i < history.Count - 1 && (h.StopReason == StopReason.Ongoing || (h.StopReason is null && h.End is null)))
            {
                Inconsistent(e, $"{Where()} is still ongoing, yet {e.Name(history[i + 1].Therapy)} follows it.");
            }

            if (PartialDate.TryParse(h.Start, out var s2) && s2 > e.AsOf)
            {
                Inconsistent(e, $"{Where()} starts ({h.Start}) after the evaluation date {e.AsOfText}.");
            }

            // An end date says the therapy has stopped: one after the evaluation date (read at its earliest day, so
            // "2024-06" is not flagged on 2024-06-15) describes a stop that has not happened yet on that date.
            if (PartialDate.TryParse(h.End, out var stopped) && stopped > e.AsOf)
            {
                Inconsistent(e, $"{Where()} ends ({h.End}) after the evaluation date {e.AsOfText}.");
            }

            if (i > 0 && PartialDate.TryParse(history[i - 1].Start, out var prev) && PartialDate.TryParseLatest(h.Start, out var cur) && cur < prev)
            {
                Inconsistent(e, $"{Where()} starts before the therapy listed before it: the history must be in order.");
            }
            else if (i > 0 && IsTargeted(e, h.Therapy) && IsTargeted(e, history[i - 1].Therapy)
                && PartialDate.TryParse(history[i - 1].End, out var previousEnd) && PartialDate.TryParseLatest(h.Start, out var next) && next < previousEnd)
            {
                // Two kinase inhibitors are not given together: dates that certainly overlap (the next start's last
                // possible day before the previous end's first, so a switch within one month or year is not flagged)
                // are a recording error to correct.
                Inconsistent(e, $"{Where()} starts ({h.Start}) before {e.Name(history[i - 1].Therapy)}, listed before it, ends ({history[i - 1].End}): two TKIs overlap; check the dates.");
            }
        }
    }

    public static void Inconsistent(Evaluation e, string message)
    {
        e.Warn(WarningCodes.HistoryInconsistent, message);
        e.Fire(RuleIds.HistoryInconsistent, message);
    }
}

/// <summary>Dates in cases are free text; YYYY, YYYY-MM and YYYY-MM-DD are read for consistency checks only.</summary>
internal static class PartialDate
{
    public static bool TryParse(string? s, out DateOnly date) => TryParse(s, out date, out _);

    /// <summary>As <see cref="TryParse(string?, out DateOnly)"/>; <paramref name="exactDay"/> says whether the day was written (YYYY-MM-DD).</summary>
    public static bool TryParse(string? s, out DateOnly date, out bool exactDay)
    {
        date = default;
        exactDay = false;
        if (string.IsNullOrWhiteSpace(s))
        {
            return false;
        }

        var parts = s.Trim().Split('-');
        if (parts.Length is < 1 or > 3 || !int.TryParse(parts[0], out var y) || y is < 1900 or > 2200)
        {
            return false;
        }

        var m = parts.Length > 1 && int.TryParse(parts[1], out var mm) ? mm : 1;
        var d = parts.Length > 2 && int.TryParse(parts[2], out var dd) ? dd : 1;
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        exactDay = parts.Length == 3;
        return true;
    }

    /// <summary>
    /// The last day a date may stand for: "2021" up to 2021-12-31, "2021-06" up to 2021-06-30. Two partial dates
    /// contradict each other only when one's last possible day is before the other's first ("2021-06" to "2021" is not).
    /// </summary>
    public static bool TryParseLatest(string? s, out DateOnly latest)
    {
        latest = default;
        if (!TryParse(s, out var first, out var exactDay))
        {
            return false;
        }

        var parts = s!.Trim().Split('-').Length;
        latest = exactDay ? first : parts == 2 ? first.AddMonths(1).AddDays(-1) : new DateOnly(first.Year, 12, 31);
        return true;
    }
}
