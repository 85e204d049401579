using System.Text.Json.Nodes;

namespace FusionGuide.Domain.Tests.Support;

/// <summary>Case documents for the tests: one valid case that uses every field of the contract, copied fresh per use.</summary>
internal static class Cases
{
    /// <summary>
    /// A valid case touching every field: tests[0] ALK IHC, tests[1] ALK FISH, tests[2] ALK RNA NGS with partner and variant,
    /// tests[3] ALK plasma NGS at progression with a mutation and an alteration, tests[4] PD-L1.
    /// </summary>
    public const string ValidText = """
        {
          "id": "case-017",
          "patient": { "age": 44, "sex": "female", "smoking": "never", "ecog": 1 },
          "tumor": { "histology": "adenocarcinoma", "stage": "IV", "transformation": null, "resected": false },
          "tests": [
            { "gene": "ALK", "method": "ihc", "clone": "5A4", "sample": "tissue", "result": "positive",
              "intensity": 3, "percentStainedCells": 80, "date": "2021-02-10" },
            { "gene": "ALK", "method": "fish", "sample": "cytology", "percentRearrangedCells": 38, "cellsScored": 50 },
            { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "positive", "fusionPartner": "EML4", "variant": "v3a" },
            { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression",
              "mutations": ["G1202R"], "alterations": ["MET amplification"] },
            { "gene": "PD-L1", "method": "ihc", "clone": "22C3", "sample": "tissue", "tps": 60 }
          ],
          "disease": {
            "brainMetastases": { "present": true, "count": 2, "symptomatic": false, "largestMm": 14,
                                 "massEffect": false, "leptomeningeal": false },
            "sites": ["bone", "liver"],
            "lesionCount": 4,
            "centralAirwayObstruction": false
          },
          "history": [
            { "therapy": "platinum-pemetrexed-bevacizumab", "start": "2020-11", "end": "2021-02", "stopReason": "completed" },
            { "therapy": "alectinib", "start": "2021-03", "end": "2024-05", "stopReason": "progression",
              "progressionPattern": "systemic" }
          ],
          "adverseEvents": [ { "therapy": "lorlatinib", "event": "hypertriglyceridemia", "grade": 3 } ],
          "comorbidities": ["hyperlipidemia"],
          "medications": ["itraconazole"],
          "context": { "region": "US", "available": ["lorlatinib", "brigatinib"], "unavailable": ["repotrectinib"] }
        }
        """;

    public static JsonObject Valid() => JsonNode.Parse(ValidText)!.AsObject();

    /// <summary>The valid case with one edit applied.</summary>
    public static JsonObject ValidWith(Action<JsonObject> edit)
    {
        var doc = Valid();
        edit(doc);
        return doc;
    }

    public static JsonArray Repeat(int count, Func<int, JsonNode?> item) => [.. Enumerable.Range(0, count).Select(item)];
}
