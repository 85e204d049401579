using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>Code-system URIs and small readers for codeable concepts.</summary>
internal static class Terminology
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string IcdO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    public const string SpecimenType = "http://terminology.hl7.org/CodeSystem/v2-0487";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string GrTbd = "http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs";
    public const string CtcaeGradeExtension = "http://hl7.org/fhir/us/ctcae/StructureDefinition/ctcae-grade";
    public const string HistologyExtension = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior";

    /// <summary>HGNC: genomics-reporting STU3 and mCODE STU4 write the first, older guides the second.</summary>
    public static readonly string[] Hgnc = ["http://www.genenames.org", "http://www.genenames.org/geneId"];

    public static readonly string[] Icd10 = ["http://hl7.org/fhir/sid/icd-10-cm", "http://hl7.org/fhir/sid/icd-10"];

    public static readonly string[] SequenceOntology = ["http://www.sequenceontology.org", "http://www.sequenceontology.org/", "http://sequenceontology.org"];

    /// <summary>True when a coding of the concept has the system and code.</summary>
    public static bool Has(CodeableConcept? concept, string system, string code) =>
        concept?.Coding.Any(c => c.System == system && c.Code == code) == true;

    /// <summary>True when a coding of the concept has one of the systems and the code.</summary>
    public static bool Has(CodeableConcept? concept, IEnumerable<string> systems, string code) =>
        concept?.Coding.Any(c => systems.Contains(c.System) && c.Code == code) == true;

    /// <summary>The code of the first coding in a system, or null.</summary>
    public static string? Code(CodeableConcept? concept, string system) =>
        concept?.Coding.FirstOrDefault(c => c.System == system)?.Code;

    /// <summary>The code of the first coding in one of the systems, or null.</summary>
    public static string? Code(CodeableConcept? concept, IEnumerable<string> systems) =>
        concept?.Coding.FirstOrDefault(c => systems.Contains(c.System))?.Code;

    /// <summary>The concept's words: its text, then each coding's display.</summary>
    public static string Words(CodeableConcept? concept) =>
        concept is null ? "" : string.Join(" ", new[] { concept.Text }.Concat(concept.Coding.Select(c => c.Display)).Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>A short description for messages: text, display, or system|code.</summary>
    public static string Describe(CodeableConcept? concept)
    {
        if (concept is null)
        {
            return "(no code)";
        }

        if (!string.IsNullOrWhiteSpace(concept.Text))
        {
            return $"'{concept.Text}'";
        }

        var c = concept.Coding.FirstOrDefault();
        return c is null ? "(no code)" : c.Display is { Length: > 0 } d ? $"'{d}' ({c.System}|{c.Code})" : $"{c.System}|{c.Code}";
    }

    /// <summary>True when the words contain the term (case-insensitive).</summary>
    public static bool Mentions(string words, string term) => words.Contains(term, StringComparison.OrdinalIgnoreCase);
}
