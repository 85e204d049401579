using System.Globalization;

namespace FusionGuide.Domain.Validation;

/// <summary>
/// The exact value of a JSON number, for checking the contract's bounds and integer types as JSON Schema does: on the
/// number written, not on its nearest double (through which 100.00000000000000001 becomes 100 and passes a maximum of 100).
/// </summary>
internal readonly struct ExactNumber
{
    // Value = (negative ? -1 : 1) × 0.digits × 10^point, with no leading or trailing zeros in digits ("" is zero).
    private readonly bool negative;
    private readonly string digits;
    private readonly long point;

    private ExactNumber(bool negative, string digits, long point)
    {
        this.negative = negative;
        this.digits = digits;
        this.point = point;
    }

    /// <summary>True when the value is a whole number (JSON Schema counts 3.0 and 3e0 as integers).</summary>
    public bool IsInteger => digits.Length <= point || digits.Length == 0;

    /// <summary>Reads the raw text of a JSON number token (already checked by the parser).</summary>
    public static ExactNumber Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var negative = raw.StartsWith('-');
        var mantissa = raw.AsSpan(negative ? 1 : 0);
        var e = mantissa.IndexOfAny('e', 'E');
        long exponent = 0;
        if (e >= 0)
        {
            // Clamped: a document is at most 1 MB, so exponents beyond ±10^12 change no comparison.
            var text = mantissa[(e + 1)..].TrimStart('+');
            var sign = text.StartsWith("-") ? -1 : 1;
            foreach (var ch in text.TrimStart('-'))
            {
                exponent = Math.Min((exponent * 10) + (ch - '0'), 1_000_000_000_000);
            }

            exponent *= sign;
            mantissa = mantissa[..e];
        }

        var dot = mantissa.IndexOf('.');
        var whole = dot < 0 ? mantissa : mantissa[..dot];
        var all = dot < 0 ? whole.ToString() : string.Concat(whole, mantissa[(dot + 1)..]);
        var lead = all.Length - all.TrimStart('0').Length;
        var significant = all.Trim('0');
        return significant.Length == 0
            ? new ExactNumber(false, "", 0)
            : new ExactNumber(negative, significant, whole.Length + exponent - lead);
    }

    /// <summary>Compares the value with a whole-number bound: negative when less, zero when equal, positive when greater.</summary>
    public int CompareTo(long bound)
    {
        if (digits.Length == 0)
        {
            return 0L.CompareTo(bound);
        }

        if (point > 19)
        {
            return negative ? -1 : 1; // |value| ≥ 10^19, beyond every long
        }

        Int128 wholePart = point <= 0 ? 0 : Int128.Parse(
            digits.Length >= point ? digits[..(int)point] : digits.PadRight((int)point, '0'), CultureInfo.InvariantCulture);
        var fraction = digits.Length > point;
        if (!negative)
        {
            return wholePart > bound ? 1 : wholePart < bound ? -1 : fraction ? 1 : 0;
        }

        // value = -(wholePart + fraction), compared with bound through its negation.
        Int128 negated = -(Int128)bound;
        return wholePart > negated || (wholePart == negated && fraction) ? -1 : wholePart == negated ? 0 : 1;
    }
}
