using FusionGuide.Domain.Wire;

namespace FusionGuide.Domain;

/// <summary>
/// The code table of every contract enumeration, by name. Each code is written once, on its enum member
/// (<c>[JsonStringEnumMemberName("ALK")]</c>); <see cref="EnumCodec.Of{T}"/> reads them in declaration order.
/// </summary>
public static class Codes
{
    /// <summary>Codes of <see cref="FusionGuide.Domain.Gene"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Gene> Gene => EnumCodec.Of<global::FusionGuide.Domain.Gene>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.TestMethod"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.TestMethod> TestMethod => EnumCodec.Of<global::FusionGuide.Domain.TestMethod>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Sample"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Sample> Sample => EnumCodec.Of<global::FusionGuide.Domain.Sample>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Clone"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Clone> Clone => EnumCodec.Of<global::FusionGuide.Domain.Clone>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.TestResult"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.TestResult> TestResult => EnumCodec.Of<global::FusionGuide.Domain.TestResult>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.TestTiming"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.TestTiming> TestTiming => EnumCodec.Of<global::FusionGuide.Domain.TestTiming>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Therapy"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Therapy> Therapy => EnumCodec.Of<global::FusionGuide.Domain.Therapy>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.LocalTherapy"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.LocalTherapy> LocalTherapy => EnumCodec.Of<global::FusionGuide.Domain.LocalTherapy>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.LocalIndication"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.LocalIndication> LocalIndication => EnumCodec.Of<global::FusionGuide.Domain.LocalIndication>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Preference"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Preference> Preference => EnumCodec.Of<global::FusionGuide.Domain.Preference>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Driver"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Driver> Driver => EnumCodec.Of<global::FusionGuide.Domain.Driver>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Setting"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Setting> Setting => EnumCodec.Of<global::FusionGuide.Domain.Setting>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.ToxicityAction"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.ToxicityAction> ToxicityAction => EnumCodec.Of<global::FusionGuide.Domain.ToxicityAction>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.GeneStatus"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.GeneStatus> GeneStatus => EnumCodec.Of<global::FusionGuide.Domain.GeneStatus>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Severity"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Severity> Severity => EnumCodec.Of<global::FusionGuide.Domain.Severity>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Histology"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Histology> Histology => EnumCodec.Of<global::FusionGuide.Domain.Histology>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Stage"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Stage> Stage => EnumCodec.Of<global::FusionGuide.Domain.Stage>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Transformation"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Transformation> Transformation => EnumCodec.Of<global::FusionGuide.Domain.Transformation>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Sex"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Sex> Sex => EnumCodec.Of<global::FusionGuide.Domain.Sex>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Smoking"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Smoking> Smoking => EnumCodec.Of<global::FusionGuide.Domain.Smoking>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.StopReason"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.StopReason> StopReason => EnumCodec.Of<global::FusionGuide.Domain.StopReason>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.ProgressionPattern"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.ProgressionPattern> ProgressionPattern => EnumCodec.Of<global::FusionGuide.Domain.ProgressionPattern>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.AdverseEventCode"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.AdverseEventCode> AdverseEventCode => EnumCodec.Of<global::FusionGuide.Domain.AdverseEventCode>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Comorbidity"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Comorbidity> Comorbidity => EnumCodec.Of<global::FusionGuide.Domain.Comorbidity>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.Region"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.Region> Region => EnumCodec.Of<global::FusionGuide.Domain.Region>();

    /// <summary>Codes of <see cref="FusionGuide.Domain.MetastaticSite"/>.</summary>
    public static EnumCodec<global::FusionGuide.Domain.MetastaticSite> MetastaticSite => EnumCodec.Of<global::FusionGuide.Domain.MetastaticSite>();
}
