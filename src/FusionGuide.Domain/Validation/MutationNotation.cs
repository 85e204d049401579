using System.Text.RegularExpressions;

namespace FusionGuide.Domain.Validation;

/// <summary>
/// Normalises kinase-domain mutation notations to the contract's one-letter protein change (G1202R, 1151Tins).
/// </summary>
/// <remarks>
/// Accepts HGVS three-letter (<c>p.Gly1202Arg</c>), one-letter with or without <c>p.</c> or parentheses
/// (<c>p.(G1202R)</c>), a leading gene symbol (<c>ALK G1202R</c>), any letter case, deletions (<c>G1202del</c>)
/// and insertions (<c>1151Tins</c>, <c>p.Thr1151_Leu1152insThr</c>). Anything else is not read: the reader
/// reports it as a problem instead of guessing.
/// </remarks>
public static partial class MutationNotation
{
    private static readonly Dictionary<string, char> ThreeLetter = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Ala"] = 'A', ["Arg"] = 'R', ["Asn"] = 'N', ["Asp"] = 'D', ["Cys"] = 'C', ["Gln"] = 'Q', ["Glu"] = 'E',
        ["Gly"] = 'G', ["His"] = 'H', ["Ile"] = 'I', ["Leu"] = 'L', ["Lys"] = 'K', ["Met"] = 'M', ["Phe"] = 'F',
        ["Pro"] = 'P', ["Ser"] = 'S', ["Thr"] = 'T', ["Trp"] = 'W', ["Tyr"] = 'Y', ["Val"] = 'V', ["Ter"] = '*',
    };

    private const string OneLetters = "ACDEFGHIKLMNPQRSTVWY";

    /// <summary>The outcome of reading one notation.</summary>
    /// <param name="Mutation">The normalised change, or null when unreadable.</param>
    /// <param name="Gene">The gene symbol written before it, if any (upper case).</param>
    public readonly record struct Parsed(string? Mutation, string? Gene);

    /// <summary>Reads a notation; <see cref="Parsed.Mutation"/> is null when it cannot be read.</summary>
    public static Parsed Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, null);
        }

        var s = text.Trim();
        string? gene = null;
        var prefix = GenePrefix().Match(s);
        if (prefix.Success)
        {
            gene = prefix.Groups[1].Value.ToUpperInvariant();
            s = s[prefix.Length..];
        }

        if (s.StartsWith("p.", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..];
        }

        if (s.Length > 2 && s[0] == '(' && s[^1] == ')')
        {
            s = s[1..^1];
        }

        return new(Substitution(s) ?? Deletion(s) ?? Insertion(s), gene);
    }

    private static string? Substitution(string s)
    {
        var m = SubstitutionPattern().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var from = Residue(m.Groups[1].Value);
        var to = Residue(m.Groups[3].Value);
        return from is null || to is null || from == '*' ? null : $"{from}{m.Groups[2].Value}{to}";
    }

    private static string? Deletion(string s)
    {
        var m = DeletionPattern().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var from = Residue(m.Groups[1].Value);
        return from is null ? null : $"{from}{m.Groups[2].Value}del";
    }

    private static string? Insertion(string s)
    {
        var simple = SimpleInsertionPattern().Match(s);
        if (simple.Success)
        {
            var ins = Residue(simple.Groups[2].Value);
            return ins is null ? null : $"{simple.Groups[1].Value}{ins}ins";
        }

        var hgvs = HgvsInsertionPattern().Match(s);
        if (!hgvs.Success || Residue(hgvs.Groups[1].Value) is null || Residue(hgvs.Groups[3].Value) is null)
        {
            return null;
        }

        var inserted = Residue(hgvs.Groups[5].Value);
        return inserted is null ? null : $"{hgvs.Groups[2].Value}{inserted}ins";
    }

    private static char? Residue(string code)
    {
        if (code.Length == 1)
        {
            var c = char.ToUpperInvariant(code[0]);
            return OneLetters.Contains(c, StringComparison.Ordinal) || c == '*' ? c : null;
        }

        return ThreeLetter.TryGetValue(code, out var r) ? r : null;
    }

    [GeneratedRegex(@"^(ALK|ROS1)[\s:_-]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenePrefix();

    [GeneratedRegex(@"^([A-Za-z]{3}|[A-Za-z])([1-9][0-9]{0,4})([A-Za-z]{3}|[A-Za-z*])$", RegexOptions.CultureInvariant)]
    private static partial Regex SubstitutionPattern();

    [GeneratedRegex(@"^([A-Za-z]{3}|[A-Za-z])([1-9][0-9]{0,4})del$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeletionPattern();

    [GeneratedRegex(@"^[A-Za-z]?([1-9][0-9]{0,4})([A-Za-z]{3}|[A-Za-z])ins$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SimpleInsertionPattern();

    [GeneratedRegex(@"^([A-Za-z]{3}|[A-Za-z])([1-9][0-9]{0,4})_([A-Za-z]{3}|[A-Za-z])([1-9][0-9]{0,4})ins([A-Za-z]{3}|[A-Za-z])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HgvsInsertionPattern();
}
