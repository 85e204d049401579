using System.Text.Json.Nodes;
using static FusionGuide.Domain.Tests.Support.Variant;

namespace FusionGuide.Domain.Tests.Support;

/// <summary>Documents that case.schema.json accepts, mostly at the boundaries the invalid table crosses.</summary>
internal static class ValidVariants
{
    public static IReadOnlyList<Variant> All { get; } =
    [
        Valid("the valid case unchanged", _ => { }),
        Valid("an empty object (every field is optional)", d => d.Clear()),
        Valid("id of exactly 200 characters", d => d["id"] = Text(200)),
        Valid("id of 200 non-ASCII letters", d => d["id"] = Text(200, 'é')),
        Valid("id of 200 characters outside the Basic Multilingual Plane", d => d["id"] = string.Concat(Enumerable.Repeat("𝔸", 200))),
        Valid("age 0 and ecog 0", d => Edit(d, ("$.patient.age", 0), ("$.patient.ecog", 0))),
        Valid("age 120 and ecog 4", d => Edit(d, ("$.patient.age", 120), ("$.patient.ecog", 4))),
        Valid("age written 44.0 counts as an integer", d => Edit(d, ("$.patient.age", Number("44.0")))),
        Valid("age written 4.4e1 counts as an integer", d => Edit(d, ("$.patient.age", Number("4.4e1")))),
        Valid("cellsScored written 5e1", d => Edit(d, ("$.tests[1].cellsScored", Number("5e1")))),
        Valid("percentRearrangedCells 1e-400 is above 0", d => Edit(d, ("$.tests[1].percentRearrangedCells", Number("1e-400")))),
        Valid("transformation small-cell", d => Edit(d, ("$.tumor.transformation", "small-cell"))),
        Valid("percentRearrangedCells 0", d => Edit(d, ("$.tests[1].percentRearrangedCells", 0))),
        Valid("percentRearrangedCells 100 and fractional tps", d => Edit(d, ("$.tests[1].percentRearrangedCells", 100), ("$.tests[4].tps", 0.5))),
        Valid("cellsScored 0", d => Edit(d, ("$.tests[1].cellsScored", 0))),
        Valid("intensity 0 and percentStainedCells 100", d => Edit(d, ("$.tests[0].intensity", 0), ("$.tests[0].percentStainedCells", 100))),
        Valid("grade 1", d => Edit(d, ("$.adverseEvents[0].grade", 1))),
        Valid("grade 5", d => Edit(d, ("$.adverseEvents[0].grade", 5))),
        Valid("brain metastases at their maxima", d => Edit(d, ("$.disease.brainMetastases.count", 1000), ("$.disease.brainMetastases.largestMm", 300), ("$.disease.lesionCount", 10000))),
        Valid("fusionPartner of one character", d => Edit(d, ("$.tests[2].fusionPartner", "A"))),
        Valid("fusionPartner of 20 characters with digits and hyphens", d => Edit(d, ("$.tests[2].fusionPartner", "ABC-123-DEF-456-GHIJ"))),
        Valid("variant of 20 characters", d => Edit(d, ("$.tests[2].variant", Text(20)))),
        Valid("date as a year only", d => Edit(d, ("$.tests[0].date", "2021"))),
        Valid("date on a leap day", d => Edit(d, ("$.tests[0].date", "2024-02-29"))),
        Valid("history start and end as full dates", d => Edit(d, ("$.history[1].start", "2021-03-01"), ("$.history[1].end", "2024-12-31"))),
        Valid("mutation of 40 characters", d => Edit(d, ("$.tests[3].mutations[0]", "ALK" + new string(' ', 31) + "G1202R"))),
        Valid("alteration of 60 characters (a notice, not a problem)", d => Edit(d, ("$.tests[3].alterations[0]", Text(60)))),
        Valid("medication of 80 characters", d => Edit(d, ("$.medications[0]", Text(80)))),
        Valid("200 tests", d => Fill(d, "$.tests", 200)),
        Valid("30 history entries", d => Fill(d, "$.history", 30)),
        Valid("50 adverse events", d => Fill(d, "$.adverseEvents", 50)),
        Valid("50 mutations", d => Fill(d, "$.tests[3].mutations", 50)),
        Valid("50 alterations", d => Fill(d, "$.tests[3].alterations", 50)),
        Valid("100 medications", d => Fill(d, "$.medications", 100)),
        Valid("an empty available list", d => Edit(d, ("$.context.available", new JsonArray()))),
        Valid("every vocabulary value where a list allows it", EveryListValue),
        Valid("fields the contract does not define", d => Edit(d, ("$.tests[0].colour", "brown"), ("$.patient.weightKg", 60), ("$.extension", new JsonObject()))),
        Valid("an adverse event without a therapy", d => d["adverseEvents"]![0]!.AsObject().Remove("therapy")),
    ];

    private static Variant Valid(string name, Action<JsonObject> edit) => new(name, "", "", edit);

    private static void Edit(JsonObject d, params (string Path, JsonNode? Value)[] edits)
    {
        foreach (var (path, value) in edits)
        {
            JsonPath.Set(d, path, value);
        }
    }

    private static void Fill(JsonObject d, string path, int count)
    {
        var first = JsonPath.Get(d, path).AsArray()[0];
        JsonPath.Set(d, path, Cases.Repeat(count, _ => first?.DeepClone()));
    }

    private static void EveryListValue(JsonObject d)
    {
        d["comorbidities"] = Codes(Domain.Codes.Comorbidity.Codes);
        d["disease"]!["sites"] = Codes(Domain.Codes.MetastaticSite.Codes);
        d["context"]!["available"] = Codes(Domain.Codes.Therapy.Codes);
        d["context"]!["unavailable"] = Codes(Domain.Codes.Therapy.Codes);
    }

    private static JsonArray Codes(IReadOnlyList<string> codes) => [.. codes.Select(c => (JsonNode)c)];
}
