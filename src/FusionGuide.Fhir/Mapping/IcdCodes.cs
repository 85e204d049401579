using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// ICD-10 and ICD-10-CM codes as FusionGuide compares them: upper case, without the dot. Feeds derived from HL7 v2
/// often send C7931 for C79.31, so every ICD-10 prefix the mappers compare against is written dot-free and every
/// code is read through here.
/// </summary>
internal static class IcdCodes
{
    /// <summary>The code without its dot, upper case: C79.31 and c7931 are both C7931.</summary>
    public static string Normalize(string code) => code.Replace(".", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>The concept's ICD-10(-CM) codes, normalised, in coding order.</summary>
    public static IEnumerable<string> Of(CodeableConcept? cc) =>
        cc?.Coding.Where(c => Terminology.Icd10.Contains(c.System) && !string.IsNullOrWhiteSpace(c.Code)).Select(c => Normalize(c.Code!)) ?? [];

    /// <summary>The concept's first ICD-10(-CM) code, normalised, or null.</summary>
    public static string? First(CodeableConcept? cc) => Of(cc).FirstOrDefault();
}
