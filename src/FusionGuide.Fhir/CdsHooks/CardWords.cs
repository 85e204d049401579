using FusionGuide.Domain;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>
/// Words a clinician reads on a card for the contract's codes ("ALK-positive", "RNA NGS", "first line"): a card never
/// shows an internal code. The FHIR library may not reference Rendering (architecture test), so the few labels the
/// cards need are here; they say the same as Rendering's labels.
/// </summary>
internal static class CardWords
{
    public static string Of(Driver driver) => driver switch
    {
        Driver.Other => "another driver",
        Driver.None => "no driver found",
        Driver.Indeterminate => "driver not yet known",
        _ => $"{Codes.Driver.Code(driver)}-positive",
    };

    public static string Of(Setting setting) => Codes.Setting.Code(setting).Replace('-', ' ');

    public static string Of(GeneStatus status) => Codes.GeneStatus.Code(status).Replace('-', ' ');

    public static string Of(Preference preference) => preference switch
    {
        Preference.Preferred => "preferred",
        Preference.OtherRecommended => "other recommended",
        Preference.CertainCircumstances => "useful in certain circumstances",
        _ => Codes.Preference.Code(preference).Replace('-', ' '),
    };

    public static string Of(TestMethod method) => method switch
    {
        TestMethod.Ihc => "IHC",
        TestMethod.Fish => "FISH",
        TestMethod.NgsDna => "DNA NGS",
        TestMethod.NgsRna => "RNA NGS",
        TestMethod.RtPcr => "RT-PCR",
        _ => Codes.TestMethod.Code(method).Replace('-', ' '),
    };

    public static string Of(LocalTherapy therapy) => therapy switch
    {
        LocalTherapy.Srs => "SRS",
        LocalTherapy.Wbrt => "WBRT",
        LocalTherapy.Sbrt => "SBRT",
        LocalTherapy.Rfa => "RFA",
        _ => Codes.LocalTherapy.Code(therapy).Replace('-', ' '),
    };

    public static string Of(LocalIndication indication) => Codes.LocalIndication.Code(indication).Replace('-', ' ');

    public static string Of(Severity severity) => Codes.Severity.Code(severity);

    /// <summary>The setting and line in words: "first line", "subsequent, line 3".</summary>
    public static string Setting(SystemicTherapy s) => s.Line is { } l && s.Setting != Domain.Setting.FirstLine ? $"{Of(s.Setting)}, line {l}" : Of(s.Setting);
}
