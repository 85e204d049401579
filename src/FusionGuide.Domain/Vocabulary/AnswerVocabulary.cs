using FusionGuide.Domain.Wire;
using System.Text.Json.Serialization;

namespace FusionGuide.Domain;

// The contract's closed vocabularies of the answer: preference, driver, setting, toxicity action, gene status, severity.

/// <summary>How strongly a guideline recommends an option.</summary>
[JsonConverter(typeof(PreferenceConverter))]
public enum Preference
{
    /// <summary><c>preferred</c></summary>
    Preferred,
    /// <summary><c>other-recommended</c></summary>
    OtherRecommended,
    /// <summary><c>certain-circumstances</c></summary>
    CertainCircumstances,
}

/// <summary>JSON converter for <see cref="Preference"/>.</summary>
public sealed class PreferenceConverter() : CodecConverter<Preference>(Codes.Preference);

/// <summary>The oncogenic driver the engine established.</summary>
[JsonConverter(typeof(DriverConverter))]
public enum Driver
{
    /// <summary><c>ALK</c></summary>
    Alk,
    /// <summary><c>ROS1</c></summary>
    Ros1,
    /// <summary><c>other</c></summary>
    Other,
    /// <summary><c>none</c></summary>
    None,
    /// <summary><c>indeterminate</c></summary>
    Indeterminate,
}

/// <summary>JSON converter for <see cref="Driver"/>.</summary>
public sealed class DriverConverter() : CodecConverter<Driver>(Codes.Driver);

/// <summary>The treatment setting of the case.</summary>
[JsonConverter(typeof(SettingConverter))]
public enum Setting
{
    /// <summary><c>diagnostic-workup</c></summary>
    DiagnosticWorkup,
    /// <summary><c>adjuvant</c></summary>
    Adjuvant,
    /// <summary><c>first-line</c></summary>
    FirstLine,
    /// <summary><c>subsequent-targeted</c></summary>
    SubsequentTargeted,
    /// <summary><c>post-targeted</c></summary>
    PostTargeted,
    /// <summary><c>non-targeted</c></summary>
    NonTargeted,
}

/// <summary>JSON converter for <see cref="Setting"/>.</summary>
public sealed class SettingConverter() : CodecConverter<Setting>(Codes.Setting);

/// <summary>What a label says to do with the drug for an adverse event.</summary>
[JsonConverter(typeof(ToxicityActionConverter))]
public enum ToxicityAction
{
    /// <summary><c>continue</c></summary>
    Continue,
    /// <summary><c>hold</c></summary>
    Hold,
    /// <summary><c>hold-then-reduce</c></summary>
    HoldThenReduce,
    /// <summary><c>reduce</c></summary>
    Reduce,
    /// <summary><c>discontinue</c></summary>
    Discontinue,
}

/// <summary>JSON converter for <see cref="ToxicityAction"/>.</summary>
public sealed class ToxicityActionConverter() : CodecConverter<ToxicityAction>(Codes.ToxicityAction);

/// <summary>The combined status of one gene.</summary>
[JsonConverter(typeof(GeneStatusConverter))]
public enum GeneStatus
{
    /// <summary><c>positive</c></summary>
    Positive,
    /// <summary><c>negative</c></summary>
    Negative,
    /// <summary><c>equivocal</c></summary>
    Equivocal,
    /// <summary><c>not-tested</c></summary>
    NotTested,
}

/// <summary>JSON converter for <see cref="GeneStatus"/>.</summary>
public sealed class GeneStatusConverter() : CodecConverter<GeneStatus>(Codes.GeneStatus);

/// <summary>Severity of a drug interaction.</summary>
[JsonConverter(typeof(SeverityConverter))]
public enum Severity
{
    /// <summary><c>contraindicated</c></summary>
    Contraindicated,
    /// <summary><c>major</c></summary>
    Major,
    /// <summary><c>moderate</c></summary>
    Moderate,
    /// <summary><c>minor</c></summary>
    Minor,
}

/// <summary>JSON converter for <see cref="Severity"/>.</summary>
public sealed class SeverityConverter() : CodecConverter<Severity>(Codes.Severity);
