using System.Text.Json.Serialization;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Domain;

/// <summary>
/// An option that is a combination (project extension): the option's therapy given together with <see cref="With"/>
/// — e.g. crizotinib added to the ALK inhibitor the disease progressed on, for MET amplification. The contract names
/// single therapies only, so the option's <c>therapy</c> is the part that is added and this says what it joins.
/// </summary>
public sealed record TherapyCombination
{
    /// <summary>The therapies continued alongside the option's therapy.</summary>
    public required IReadOnlyList<Therapy> With { get; init; }

    /// <summary>Outside every label and guideline table: off-label, or within a clinical trial.</summary>
    public required CombinationUse Use { get; init; }
}

/// <summary>How a combination may be given: off-label, or within a clinical trial.</summary>
[JsonConverter(typeof(CodecConverter<CombinationUse>))]
public enum CombinationUse
{
    /// <summary><c>off-label</c>: each drug is approved, the combination is not.</summary>
    [JsonStringEnumMemberName("off-label")]
    OffLabel,

    /// <summary><c>trial</c>: only within a clinical trial.</summary>
    [JsonStringEnumMemberName("trial")]
    Trial,
}
