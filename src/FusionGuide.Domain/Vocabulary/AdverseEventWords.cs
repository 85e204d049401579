namespace FusionGuide.Domain;

/// <summary>
/// An adverse event as a sentence says it ("ALT/AST elevation", not the code "alt-ast-elevation"): rationales, toxicity
/// rows and reports all use these words, so a clinician never reads a vocabulary code in prose.
/// </summary>
public static class AdverseEventWords
{
    /// <summary>The event in words: "ALT/AST elevation", "pneumonitis", "other adverse event".</summary>
    public static string Of(AdverseEventCode code) => code switch
    {
        AdverseEventCode.CkElevation => "CK elevation",
        AdverseEventCode.AltAstElevation => "ALT/AST elevation",
        AdverseEventCode.QtcProlongation => "QTc prolongation",
        AdverseEventCode.Other => "other adverse event",
        _ => Codes.AdverseEventCode.Code(code).Replace('-', ' '),
    };
}
