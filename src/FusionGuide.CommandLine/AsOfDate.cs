using System.Globalization;
using FusionGuide.Domain.Validation;

namespace FusionGuide.CommandLine;

/// <summary>
/// The evaluation date a user gives (<c>--as-of</c> on every command line, <c>?asOf=</c> on the HTTP API): a real
/// calendar date in the form YYYY-MM-DD, nothing else. The one parser of it, so every front end refuses the same text
/// with the same words.
/// </summary>
public static class AsOfDate
{
    /// <summary>
    /// The date in <paramref name="text"/>, or null when none is given (the knowledge base's release date then applies)
    /// or when it is not a date; then a problem at <paramref name="path"/> is added to <paramref name="problems"/>.
    /// </summary>
    public static DateOnly? Parse(string? text, string path, ICollection<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new Problem(path, $"'{text}' is not a date in the form YYYY-MM-DD"));
        return null;
    }
}
