namespace FusionGuide.Rendering;

/// <summary>Words a clinician reads for the contract's codes.</summary>
/// <remarks>Codes that already read well (drug names, gene symbols) are shown as their wire code.</remarks>
internal static class Labels
{
    public static string Of(Therapy therapy) => therapy switch
    {
        Therapy.PlatinumPemetrexed => "platinum-pemetrexed",
        Therapy.PlatinumPemetrexedBevacizumab => "platinum-pemetrexed with bevacizumab",
        Therapy.ImmunotherapyMonotherapy => "immunotherapy alone",
        Therapy.PlatinumEtoposide => "platinum-etoposide",
        Therapy.ClinicalTrial => "clinical trial",
        Therapy.BestSupportiveCare => "best supportive care",
        _ => Codes.Therapy.Code(therapy),
    };

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

    /// <summary>A brain-plan pathway code in words ("whole-brain-radiotherapy" → "Whole-brain radiotherapy").</summary>
    public static string OfPathway(string pathway) => pathway switch
    {
        "deferred-radiotherapy" => "Radiotherapy deferred",
        "whole-brain-radiotherapy" => "Whole-brain radiotherapy",
        "leptomeningeal" => "Leptomeningeal disease",
        "post-radiosurgery-surveillance" => "After radiosurgery",
        "steroids-symptomatic" or "steroids-asymptomatic" => "Steroids",
        _ => Words(pathway),
    };

    public static string Of(AdverseEventCode code) => AdverseEventWords.Of(code);

    public static string Of(ToxicityAction action) => Words(Codes.ToxicityAction.Code(action));

    public static string Of(Severity severity) => Codes.Severity.Code(severity);

    public static string Of(Sex sex) => sex switch
    {
        Sex.Female => "woman",
        Sex.Male => "man",
        _ => "patient",
    };

    public static string Of(Histology histology) => histology switch
    {
        Histology.NsclcNos => "NSCLC, not otherwise specified",
        _ => Words(Codes.Histology.Code(histology)),
    };

    public static string Of(Transformation t) => Words(Codes.Transformation.Code(t));

    public static string Of(TestResult result) => Codes.TestResult.Code(result);

    public static string Of(Clone clone) => clone == Clone.Other ? "another clone" : Codes.Clone.Code(clone);

    public static string Of(StopReason reason) => reason switch
    {
        StopReason.Progression => "stopped at progression",
        StopReason.Intolerance => "stopped for intolerance",
        StopReason.Completed => "completed",
        _ => "ongoing",
    };

    public static string Of(ProgressionPattern pattern) => pattern switch
    {
        ProgressionPattern.Systemic => "systemic progression",
        ProgressionPattern.Cns => "progression in the CNS only",
        ProgressionPattern.Oligoprogression => "oligoprogression",
        _ => "systemic and CNS progression",
    };

    public static string Of(MetastaticSite site) => site switch
    {
        MetastaticSite.LymphNode => "lymph nodes",
        MetastaticSite.Other => "other sites",
        _ => Codes.MetastaticSite.Code(site),
    };

    public static string Of(Comorbidity c) => c switch
    {
        Comorbidity.LongQt => "long QT",
        _ => Words(Codes.Comorbidity.Code(c)),
    };

    public static string Of(Region region) => region == Region.Other ? "another region's" : Codes.Region.Code(region);

    private static string Words(string code) => code.Replace('-', ' ');
}
