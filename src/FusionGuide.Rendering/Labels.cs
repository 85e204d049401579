namespace FusionGuide.Rendering;

/// <summary>Words a clinician reads for the contract's codes.</summary>
/// <remarks>Codes that already read well (drug names, gene symbols) are shown as their wire code.</remarks>
internal static class Labels
{
    public static string Of(Therapy therapy) => Codes.Therapy.Code(therapy);

    public static string Of(Driver driver) => driver switch
    {
        Driver.Other => "other driver",
        Driver.None => "no driver found",
        Driver.Indeterminate => "indeterminate",
        _ => Codes.Driver.Code(driver),
    };

    public static string Of(Preference preference) => preference switch
    {
        Preference.Preferred => "Preferred",
        Preference.OtherRecommended => "Other recommended",
        Preference.CertainCircumstances => "Useful in certain circumstances",
        _ => Codes.Preference.Code(preference),
    };

    public static string Of(Setting setting) => Words(Codes.Setting.Code(setting));

    public static string Of(GeneStatus status) => Words(Codes.GeneStatus.Code(status));

    public static string Of(TestMethod method) => method switch
    {
        TestMethod.Ihc => "IHC",
        TestMethod.Fish => "FISH",
        TestMethod.NgsDna => "DNA NGS",
        TestMethod.NgsRna => "RNA NGS",
        TestMethod.RtPcr => "RT-PCR",
        _ => Codes.TestMethod.Code(method),
    };

    public static string Of(Sample sample) => Codes.Sample.Code(sample);

    public static string Of(LocalTherapy therapy) => therapy switch
    {
        LocalTherapy.Srs => "SRS",
        LocalTherapy.Wbrt => "WBRT",
        LocalTherapy.Sbrt => "SBRT",
        LocalTherapy.Rfa => "RFA",
        _ => Words(Codes.LocalTherapy.Code(therapy)),
    };

    public static string Of(LocalIndication indication) => Words(Codes.LocalIndication.Code(indication));

    public static string Of(AdverseEventCode code) => code switch
    {
        AdverseEventCode.CkElevation => "CK elevation",
        AdverseEventCode.AltAstElevation => "ALT/AST elevation",
        AdverseEventCode.QtcProlongation => "QTc prolongation",
        _ => Words(Codes.AdverseEventCode.Code(code)),
    };

    public static string Of(ToxicityAction action) => Words(Codes.ToxicityAction.Code(action));

    public static string Of(Severity severity) => Codes.Severity.Code(severity);

    private static string Words(string code) => code.Replace('-', ' ');
}
