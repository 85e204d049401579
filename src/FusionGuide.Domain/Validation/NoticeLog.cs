namespace FusionGuide.Domain.Validation;

/// <summary>
/// The notices of one reading, bounded: the first <see cref="NamedPerCode"/> notices of each code are kept with their
/// paths, and the rest of that code are only counted and summed up in one closing notice. A case with 100,000 unknown
/// fields thus yields 11 notices, not 100,000 — so a result, and the audit record that keeps it, stays small whatever
/// the input — and the notices beyond the first are never even written out.
/// </summary>
internal sealed class NoticeLog
{
    /// <summary>How many notices of one code are named with their paths.</summary>
    public const int NamedPerCode = 10;

    private readonly List<InputNotice> named = [];

    // Notices counted per code (named or not), created on the first notice: most cases have none.
    private Dictionary<WarningCode, int>? counts;

    /// <summary>
    /// Counts one notice of <paramref name="code"/> and, when it is among the first <see cref="NamedPerCode"/> of its
    /// code, keeps the notice <paramref name="build"/> makes (it is not called otherwise).
    /// </summary>
    public void Add<TState>(WarningCode code, TState state, Func<TState, InputNotice> build)
    {
        counts ??= [];
        var n = counts.GetValueOrDefault(code) + 1;
        counts[code] = n;
        if (n <= NamedPerCode)
        {
            named.Add(build(state));
        }
    }

    /// <summary>The named notices in the order they came, then one notice per code that had more, with the count left unnamed.</summary>
    public List<InputNotice> ToList()
    {
        if (counts is null)
        {
            return named;
        }

        var list = new List<InputNotice>(named);
        foreach (var (code, count) in counts)
        {
            if (count > NamedPerCode)
            {
                list.Add(new InputNotice(code, "$", Rest(code, count - NamedPerCode)));
            }
        }

        return list;
    }

    private static string Rest(WarningCode code, int rest) => code switch
    {
        _ when code == WarningCodes.UnknownField => $"{rest} more field(s) are not fields of the contract and were ignored; only the first {NamedPerCode} are named.",
        _ when code == WarningCodes.UnknownAlteration => $"{rest} more alteration(s) are not in the contract's list and were kept out of the resistance assessment; only the first {NamedPerCode} are named.",
        _ => $"{rest} more notice(s) of this kind ({code}); only the first {NamedPerCode} are given.",
    };
}
