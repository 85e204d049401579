using System.Globalization;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Knowledge.Model;

/// <summary>How precisely a date is known.</summary>
public enum DatePrecision
{
    /// <summary>The day is known (YYYY-MM-DD).</summary>
    Day,

    /// <summary>Only the month is known (YYYY-MM): the date counts from the first day of the next month.</summary>
    Month,

    /// <summary>Only the year is known (YYYY; a reference's date only): the date counts from 1 January of the next year.</summary>
    Year,
}

/// <summary>
/// The one place an approval's date is put into words (issue #17, "no invented days"): engine texts, <c>kb</c>
/// commands and audit sheets all call these, so a month-precision approval reads "approved in June 2024" everywhere
/// and never shows a day nobody read.
/// </summary>
public static class ApprovalDates
{
    /// <summary>The date as the knowledge file writes it (YYYY-MM-DD, or YYYY-MM for month precision); null when undated.</summary>
    public static string? Code(this Approval a) => a.Date is not { } date ? null
        : a.DatePrecision == DatePrecision.Month ? date.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture) : KnowledgeDate.Format(date);

    /// <summary>When it was decided, to follow a status word: "2024-06-14", or "in June 2024" when only the month is known; null when undated.</summary>
    public static string? When(this Approval a) => a.Date is not { } date ? null
        : a.DatePrecision == DatePrecision.Month ? $"in {Month(date)}" : KnowledgeDate.Format(date);

    /// <summary>"approved on 2024-06-14", or "approved in June 2024" when only the month is known; null when undated.</summary>
    public static string? Approved(this Approval a) => a.Date is null ? null
        : a.DatePrecision == DatePrecision.Month ? $"approved {a.When()}" : $"approved on {a.When()}";

    /// <summary>
    /// The approval's date where it decides a standing on an evaluation date: "approval dated 2024-06-14", or, when only
    /// the month is known, "approved in June 2024; the day is not known, so it counts from 2024-07-01".
    /// </summary>
    public static string? Dated(this Approval a) => a.Date is not { } date ? null
        : a.DatePrecision == DatePrecision.Month ? $"{a.Approved()}; the day is not known, so it counts from {KnowledgeDate.Format(date)}"
        : $"approval dated {KnowledgeDate.Format(date)}";

    // The month the decision fell in (the in-force date is the first day of the month after it).
    private static string Month(DateOnly inForceFrom) => inForceFrom.AddMonths(-1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
