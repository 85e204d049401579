namespace FusionGuide.Domain;

/// <summary>The contract's list of off-target alterations reported at progression.</summary>
public static class Alterations
{
    /// <summary>The canonical strings, exactly as the contract writes them.</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "MET amplification", "EGFR amplification", "KIT amplification", "KRAS mutation",
        "BRAF V600E", "MAP2K1 mutation", "PIK3CA mutation", "NF2 loss",
    ];

    /// <summary>The canonical spelling of an alteration (case and spacing forgiven), or null when it is not in the list.</summary>
    public static string? Canonical(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return Known.FirstOrDefault(k => string.Equals(k, folded, StringComparison.OrdinalIgnoreCase));
    }
}
