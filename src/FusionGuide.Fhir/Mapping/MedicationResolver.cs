using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Medications;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// What a medication concept is, read from its RxNorm code and from its words (text and displays), each on its own:
/// the ingredients FusionGuide knows. When the code and the words name different drugs, both are kept and the
/// disagreement is said — a wrong code never silently hides the drug the prescriber wrote, nor the other way round.
/// </summary>
/// <param name="Ingredients">The ingredients FusionGuide knows (from the code, the words, or both).</param>
/// <param name="Names">Names for the co-medication list: the ingredients', else the words as written (reported as unknown by the engine).</param>
/// <param name="Label">How to name it in a message ("rifampin 300 MG Oral Capsule", "RxNorm 198202").</param>
/// <param name="Disagreement">Set when the code and the words name different drugs.</param>
/// <param name="Unresolved">Set when the concept is coded but neither its code nor its words are known: it cannot be checked.</param>
internal sealed record ResolvedMedication(
    IReadOnlyList<MedicationIngredient> Ingredients, IReadOnlyList<string> Names, string Label, string? Disagreement, string? Unresolved);

/// <summary>Reads a medication concept against the RxNorm table (<see cref="MedicationCodeTable"/>) and the knowledge base's names.</summary>
internal static class MedicationResolver
{
    /// <summary>The concept resolved, or null when it carries neither a code nor a word.</summary>
    public static ResolvedMedication? Resolve(CodeableConcept? cc, KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(kb);
        var table = MedicationCodeLoader.For(kb);
        var code = Terminology.Code(cc, Terminology.RxNorm);
        var concept = code is null ? null : table.Concept(code);
        var words = Words(cc);
        var fromWords = words.Select(w => FromWords(w, table, kb)).FirstOrDefault(i => i.Count > 0) ?? [];
        var label = words.FirstOrDefault() ?? (code is null ? "(no name)" : $"RxNorm {code}");
        if (code is null && words.Count == 0)
        {
            return null;
        }

        var fromCode = concept?.Ingredients ?? [];
        string? disagreement = null;
        if (concept is not null && fromWords.Count > 0 && !fromCode.Intersect(fromWords).Any())
        {
            var codeSays = concept.Display ?? (fromCode.Count > 0 ? string.Join(" + ", fromCode.Select(i => i.Name)) : "another drug");
            disagreement = $"the code and the name disagree: RxNorm {code} is {codeSays}, but the order names {label} ({string.Join(" + ", fromWords.Select(i => i.Name))}). "
                + "Both were checked; correct the order's coding";
        }

        var ingredients = fromCode.Concat(fromWords).Distinct().ToList();
        if (ingredients.Count > 0)
        {
            return new(ingredients, [.. ingredients.Select(i => i.Name)], label, disagreement, null);
        }

        if (words.Count > 0)
        {
            // Words FusionGuide does not know: kept as written, so the engine names it as an unknown medication.
            return new([], [NameFromWords(words[0], kb)], label, null, null);
        }

        var known = concept?.Display is { } display ? $" ({display})" : "";
        return new([], [], label, null, $"RxNorm {code}{known} is not a medication FusionGuide can identify, and the order carries no name");
    }

    /// <summary>Text first, then each coding's display.</summary>
    private static List<string> Words(CodeableConcept? cc) =>
        cc is null ? [] : [.. new[] { cc.Text }.Concat(cc.Coding.Select(c => c.Display)).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim())];

    /// <summary>
    /// The ingredients a name means: an RxNorm product name ("Omeprazole 20 MG Delayed Release Oral Capsule"), an
    /// ingredient, alias or brand name, the words before the strength ("rifampin 300 mg capsule" → rifampin) or a brand
    /// in brackets ("rifampin 300 MG Oral Capsule [Rifadin]").
    /// </summary>
    private static IReadOnlyList<MedicationIngredient> FromWords(string words, MedicationCodeTable table, KnowledgeBase kb)
    {
        if (table.ByDisplay(words) is { Ingredients.Count: > 0 } product)
        {
            return product.Ingredients;
        }

        var candidates = new List<string> { words, Bare(words), words.Split(' ')[0] };
        var open = words.IndexOf('[', StringComparison.Ordinal);
        if (open >= 0 && words.IndexOf(']', open) is var close and > 0)
        {
            candidates.Add(words[(open + 1)..close]);
        }

        foreach (var c in candidates.Where(c => c.Length > 0))
        {
            var generic = kb.Medication(c).Generic ?? (MedicationCodes.Therapy(c, kb) is { } t ? Domain.Codes.Therapy.Code(t) : null) ?? c;
            if (table.Ingredient(generic) is { } ingredient)
            {
                return [ingredient];
            }
        }

        return [];
    }

    /// <summary>The words before the first one holding a digit (the strength and form follow it).</summary>
    private static string Bare(string words) =>
        string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => !w.Any(char.IsAsciiDigit)));

    /// <summary>An unknown name as the engine will see it: a known medication's generic name, else the words as written.</summary>
    private static string NameFromWords(string words, KnowledgeBase kb) => kb.Medication(words).Generic ?? words;
}
