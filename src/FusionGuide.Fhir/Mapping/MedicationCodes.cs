using FusionGuide.Domain;
using FusionGuide.Knowledge;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Names a medication: an RxNorm ingredient the table knows, else the concept's text or display; then the contract
/// therapy it is (by id, knowledge-base name or brand) or a generic name for the co-medication list.
/// </summary>
public static class MedicationCodes
{
    /// <summary>RxNorm ingredient codes (RXCUI) of the ALK/ROS1 TKIs and of common interacting co-medications.</summary>
    /// <remarks>The TKI codes are those the mCODE 4.0.0 GenomeX example bundle uses; a code not listed is read by its display or text.</remarks>
    public static readonly IReadOnlyDictionary<string, string> RxNormIngredients = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1148495"] = "crizotinib", ["1535457"] = "ceritinib", ["1727455"] = "alectinib", ["1921217"] = "brigatinib", ["2103164"] = "lorlatinib",
        ["9384"] = "rifampin", ["28031"] = "itraconazole", ["6135"] = "ketoconazole", ["21212"] = "clarithromycin",
        ["2002"] = "carbamazepine", ["8183"] = "phenytoin", ["83367"] = "atorvastatin", ["7646"] = "omeprazole",
    };

    /// <summary>The RxNorm ingredient code of a therapy, when the table has one.</summary>
    public static string? RxNorm(Therapy therapy) =>
        RxNormIngredients.FirstOrDefault(p => p.Value == Codes.Therapy.Code(therapy)).Key;

    /// <summary>The medication's name: a known RxNorm code's ingredient, else its text or first display.</summary>
    internal static string? Name(CodeableConcept? cc)
    {
        var rx = Terminology.Code(cc, Terminology.RxNorm);
        if (rx is not null && RxNormIngredients.TryGetValue(rx, out var name))
        {
            return name;
        }

        var text = cc?.Text ?? cc?.Coding.Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

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
