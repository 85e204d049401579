using FusionGuide.Domain.Wire;
using System.Text.Json.Serialization;

namespace FusionGuide.Domain;

#pragma warning disable CS1591 // an enum member is documented by its wire code, in its [JsonStringEnumMemberName]

// The contract's closed vocabularies of the answer: preference, driver, setting, toxicity action, gene status, severity.

/// <summary>How strongly a guideline recommends an option.</summary>
[JsonConverter(typeof(CodecConverter<Preference>))]
public enum Preference
{
    [JsonStringEnumMemberName("preferred")]
    Preferred,
    [JsonStringEnumMemberName("other-recommended")]
    OtherRecommended,
    [JsonStringEnumMemberName("certain-circumstances")]
    CertainCircumstances,
}

/// <summary>The oncogenic driver the engine established.</summary>
[JsonConverter(typeof(CodecConverter<Driver>))]
public enum Driver
{
    [JsonStringEnumMemberName("ALK")]
    Alk,
    [JsonStringEnumMemberName("ROS1")]
    Ros1,
    [JsonStringEnumMemberName("other")]
    Other,
    [JsonStringEnumMemberName("none")]
    None,
    [JsonStringEnumMemberName("indeterminate")]
    Indeterminate,
}

/// <summary>The treatment setting of the case.</summary>
[JsonConverter(typeof(CodecConverter<Setting>))]
public enum Setting
{
    [JsonStringEnumMemberName("diagnostic-workup")]
    DiagnosticWorkup,
    [JsonStringEnumMemberName("adjuvant")]
    Adjuvant,
    [JsonStringEnumMemberName("first-line")]
    FirstLine,
    [JsonStringEnumMemberName("subsequent-targeted")]
    SubsequentTargeted,
    [JsonStringEnumMemberName("post-targeted")]
    PostTargeted,
    [JsonStringEnumMemberName("non-targeted")]
    NonTargeted,
}

/// <summary>What a label says to do with the drug for an adverse event.</summary>
[JsonConverter(typeof(CodecConverter<ToxicityAction>))]
public enum ToxicityAction
{
    [JsonStringEnumMemberName("continue")]
    Continue,
    [JsonStringEnumMemberName("hold")]
    Hold,
    [JsonStringEnumMemberName("hold-then-reduce")]
    HoldThenReduce,
    [JsonStringEnumMemberName("reduce")]
    Reduce,
    [JsonStringEnumMemberName("discontinue")]
    Discontinue,
}

/// <summary>The combined status of one gene.</summary>
[JsonConverter(typeof(CodecConverter<GeneStatus>))]
public enum GeneStatus
{
    [JsonStringEnumMemberName("positive")]
    Positive,
    [JsonStringEnumMemberName("negative")]
    Negative,
    [JsonStringEnumMemberName("equivocal")]
    Equivocal,
    [JsonStringEnumMemberName("not-tested")]
    NotTested,
}

/// <summary>Severity of a drug interaction.</summary>
[JsonConverter(typeof(CodecConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("contraindicated")]
    Contraindicated,
    [JsonStringEnumMemberName("major")]
    Major,
    [JsonStringEnumMemberName("moderate")]
    Moderate,
    [JsonStringEnumMemberName("minor")]
    Minor,
}

