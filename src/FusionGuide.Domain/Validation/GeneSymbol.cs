namespace FusionGuide.Domain.Validation;

/// <summary>
/// The contract's form of a gene symbol (<c>fusionPartner</c>: <c>^[A-Z0-9-]{1,20}$</c>). One check for the case reader
/// and for the knowledge validator, so a partner the knowledge base lists is written exactly as a case writes it.
/// </summary>
public static class GeneSymbol
{
    /// <summary>True when <paramref name="s"/> is 1–20 capital letters, digits or '-'.</summary>
    public static bool IsValid(string s) =>
        s.Length is >= 1 and <= 20 && s.All(ch => ch is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-');
}
