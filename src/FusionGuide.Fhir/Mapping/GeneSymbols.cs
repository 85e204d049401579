using FusionGuide.Domain;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>Reads gene symbols from HGNC-coded concepts and maps them to the contract's genes.</summary>
internal static class GeneSymbols
{
    /// <summary>HGNC ids of the contract's genes (PD-L1 is the gene CD274).</summary>
    private static readonly Dictionary<string, string> ByHgncId = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HGNC:427"] = "ALK", ["HGNC:10261"] = "ROS1", ["HGNC:3236"] = "EGFR", ["HGNC:6407"] = "KRAS",
        ["HGNC:1097"] = "BRAF", ["HGNC:7029"] = "MET", ["HGNC:9967"] = "RET", ["HGNC:8031"] = "NTRK1",
        ["HGNC:8032"] = "NTRK2", ["HGNC:8033"] = "NTRK3", ["HGNC:3430"] = "ERBB2", ["HGNC:17635"] = "CD274",
    };

    /// <summary>The gene symbol a concept names: a known HGNC id first, then a display or the text.</summary>
    public static string? Symbol(CodeableConcept? concept)
    {
        if (concept is null)
        {
            return null;
        }

        foreach (var c in concept.Coding.Where(c => Terminology.Hgnc.Contains(c.System)))
        {
            var id = c.Code is { } code && !code.StartsWith("HGNC:", StringComparison.OrdinalIgnoreCase) ? $"HGNC:{code}" : c.Code;
            if (id is not null && ByHgncId.TryGetValue(id, out var known))
            {
                return known;
            }
        }

        var display = concept.Coding.Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)) ?? concept.Text;
        return string.IsNullOrWhiteSpace(display) ? null : display.Trim().ToUpperInvariant();
    }

    /// <summary>The contract gene of a symbol (CD274 and PD-L1 are PD-L1), or null when it is not in the vocabulary.</summary>
    public static Gene? Gene(string? symbol) =>
        symbol is "CD274" ? Domain.Gene.PdL1 : Codes.Gene.TryParse(symbol, out var g) ? g : null;

    /// <summary>The first contract gene named as a word in free text ("ROS1 Fusion", "ALK IHC"), or null.</summary>
    public static Gene? InText(string words)
    {
        foreach (var token in words.Split([' ', ',', ';', '(', ')', ':', '/', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Gene(token.ToUpperInvariant()) is { } g)
            {
                return g;
            }
        }

        return Terminology.Mentions(words, "PD-L1") ? Domain.Gene.PdL1 : null;
    }
}
