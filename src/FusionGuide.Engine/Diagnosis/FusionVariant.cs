namespace FusionGuide.Engine.Diagnosis;

/// <summary>
/// Reads the EML4-ALK variant a laboratory reports (the case's <c>variant</c> is free text: "v3a", "V3", "variant 3",
/// "EML4-ALK v3", "E6;A20") as its number, the form knowledge markers use (<c>v3</c>). Sub-variants share their number (v3a and v3b are
/// variant 3). The exon notation covers the three common variants only (E13;A20 = 1, E20;A20 = 2, E6;A20 = 3). Anything
/// else is not read (null): an unrecognised report never matches a knowledge marker by guess.
/// </summary>
internal static class FusionVariant
{
    public static string? Number(string? reported)
    {
        if (reported is null)
        {
            return null;
        }

        var text = reported.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("eml4-alk", "", StringComparison.Ordinal);
        var exon = text.Replace("a", "", StringComparison.Ordinal).Replace("b", "", StringComparison.Ordinal);
        if (exon.StartsWith('e') && exon.EndsWith(";20", StringComparison.Ordinal))
        {
            return exon switch { "e13;20" => "v1", "e20;20" => "v2", "e6;20" => "v3", _ => null };
        }

        var digits = text.StartsWith("variant", StringComparison.Ordinal) ? text["variant".Length..]
            : text.StartsWith('v') ? text[1..]
            : text;
        var n = new string([.. digits.TakeWhile(char.IsAsciiDigit)]);
        var rest = digits[n.Length..];
        return n.Length is > 0 and <= 2 && rest is "" or "a" or "b" ? $"v{int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)}" : null;
    }
}
