using FusionGuide.Domain;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Medications;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Names a medication: an ingredient the RxNorm table (knowledge/medication-codes) knows by code or by name, else the
/// concept's words; then the contract therapy it is (by id, knowledge-base name or brand).
/// </summary>
public static class MedicationCodes
{
    /// <summary>The RxNorm ingredient code (IN) of a therapy, from the medication-code table; null when it has none.</summary>
    public static string? RxNorm(Therapy therapy, KnowledgeBase kb) =>
        MedicationCodeLoader.For(kb).Concepts
            .Where(c => c.TermType == RxNormTermType.Ingredient && c.Ingredients.Count == 1 && c.Ingredients[0].Therapy == therapy)
            .OrderByDescending(c => c.Verified).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => c.Code).FirstOrDefault();

    /// <summary>The medication's name: the first ingredient FusionGuide knows (by code or by name), else its words as written.</summary>
    internal static string? Name(CodeableConcept? cc, KnowledgeBase kb) =>
        MedicationResolver.Resolve(cc, kb) is { Names.Count: > 0 } m ? m.Names[0] : null;

    /// <summary>The contract therapy a medication name is (id, knowledge-base name or brand; first word of a product name), or null.</summary>
    public static Therapy? Therapy(string? name, KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(kb);
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = KnowledgeBase.NormaliseMedication(name);
        var first = key.Split(' ')[0];
        foreach (var d in kb.Drugs)
        {
            var names = new[] { d.Id, d.Name }.Concat(d.Brands).Select(KnowledgeBase.NormaliseMedication);
            if (names.Any(n => n == key || n == first || n == key.Replace(' ', '-')))
            {
                return Codes.Therapy.Parse(d.Id);
            }
        }

        return null;
    }
}
