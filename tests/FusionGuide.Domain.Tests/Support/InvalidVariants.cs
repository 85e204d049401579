using System.Text.Json.Nodes;
using static FusionGuide.Domain.Tests.Support.Variant;

namespace FusionGuide.Domain.Tests.Support;

/// <summary>
/// Documents that case.schema.json rejects, each the valid case with exactly one fault, and the path the reader must name.
/// </summary>
internal static class InvalidVariants
{
    private const string Unknown = "not-a-code";

    public static IReadOnlyList<Variant> All { get; } =
    [
        // The document's own fields.
        Set("id is a number", "$.id", 17),
        Set("id is null", "$.id", null),
        Set("id is longer than 200 characters", "$.id", Text(201)),
        Set("patient is a string", "$.patient", "adult"),
        Set("tumor is an array", "$.tumor", new JsonArray()),
        Set("tests is an object", "$.tests", new JsonObject()),
        TooMany("tests has more than 200 items", "$.tests", 201),
        Set("a test is a string", "$.tests[0]", "ALK IHC positive"),
        Set("disease is null", "$.disease", null),
        Set("history is a string", "$.history", "alectinib"),
        TooMany("history has more than 30 items", "$.history", 31),
        TooMany("adverseEvents has more than 50 items", "$.adverseEvents", 51),
        Set("comorbidities is a string", "$.comorbidities", "hyperlipidemia"),
        TooMany("medications has more than 100 items", "$.medications", 101),
        Set("context is a number", "$.context", 1),

        // Patient.
        Set("age 121 is above 120", "$.patient.age", 121),
        Set("age -1 is below 0", "$.patient.age", -1),
        Set("age 44.5 is not an integer", "$.patient.age", 44.5),
        Set("age is a string", "$.patient.age", "44"),
        Set("age a hair above 120 is neither whole nor in range", "$.patient.age", Number("120.00000000000000001")),
        Set("age 1e400 is above 120", "$.patient.age", Number("1e400")),
        Set("ecog 5 is above 4", "$.patient.ecog", 5),
        Set("ecog -1 is below 0", "$.patient.ecog", -1),
        Set("ecog 1.5 is not an integer", "$.patient.ecog", 1.5),
        Set("sex is not in the vocabulary", "$.patient.sex", "F"),
        Set("sex is null", "$.patient.sex", null),
        Set("smoking is not in the vocabulary", "$.patient.smoking", "heavy"),

        // Tumour.
        Set("histology is not in the vocabulary", "$.tumor.histology", "carcinoid"),
        Set("histology is null", "$.tumor.histology", null),
        Set("stage is not in the vocabulary", "$.tumor.stage", "V"),
        Set("stage is in the wrong case", "$.tumor.stage", "iv"),
        Set("transformation is not in the vocabulary", "$.tumor.transformation", "adenocarcinoma"),
        Set("resected is a string", "$.tumor.resected", "yes"),

        // Tests: vocabularies.
        Set("gene is not in the vocabulary", "$.tests[0].gene", "ALK1"),
        Set("gene is in the wrong case", "$.tests[0].gene", "alk"),
        Set("gene is a number", "$.tests[0].gene", 1),
        Set("gene is null", "$.tests[0].gene", null),
        Set("method is not in the vocabulary", "$.tests[0].method", "pcr"),
        Set("sample is not in the vocabulary", "$.tests[0].sample", "blood"),
        Set("clone is not in the vocabulary", "$.tests[0].clone", "D5F3-x"),
        Set("result is not in the vocabulary", "$.tests[0].result", "pos"),
        Set("timing is not in the vocabulary", "$.tests[3].timing", "relapse"),
        Missing("gene is missing", "$.tests[1].gene"),
        Missing("method is missing", "$.tests[1].method"),

        // Tests: numbers.
        Set("intensity 4 is above 3", "$.tests[0].intensity", 4),
        Set("intensity 1.5 is not an integer", "$.tests[0].intensity", 1.5),
        Set("percentStainedCells -1 is below 0", "$.tests[0].percentStainedCells", -1),
        Set("percentStainedCells 100.5 is above 100", "$.tests[0].percentStainedCells", 100.5),
        Set("percentRearrangedCells 150 is above 100", "$.tests[1].percentRearrangedCells", 150),
        Set("percentRearrangedCells is a string", "$.tests[1].percentRearrangedCells", "38"),
        Set("percentRearrangedCells is null", "$.tests[1].percentRearrangedCells", null),
        Set("cellsScored -1 is below 0", "$.tests[1].cellsScored", -1),
        Set("cellsScored 50.5 is not an integer", "$.tests[1].cellsScored", 50.5),
        Set("tps 101 is above 100", "$.tests[4].tps", 101),
        Set("tps is a boolean", "$.tests[4].tps", true),
        Set("percentRearrangedCells a hair above 100 is not rounded down", "$.tests[1].percentRearrangedCells", Number("100.00000000000000001")),
        Set("percentStainedCells a hair below 0 is not rounded up", "$.tests[0].percentStainedCells", Number("-0.00000000000000000001")),
        Set("percentStainedCells -1e-400 is below 0", "$.tests[0].percentStainedCells", Number("-1e-400")),
        Set("tps 1e400 is above 100", "$.tests[4].tps", Number("1e400")),

        // Tests: strings and lists.
        Set("fusionPartner in lower case breaks the pattern", "$.tests[2].fusionPartner", "eml4"),
        Set("fusionPartner with a space breaks the pattern", "$.tests[2].fusionPartner", "EML 4"),
        Set("fusionPartner is empty", "$.tests[2].fusionPartner", ""),
        Set("fusionPartner is longer than 20 characters", "$.tests[2].fusionPartner", Text(21, 'A')),
        Set("fusionPartner is a number", "$.tests[2].fusionPartner", 4),
        Set("variant is longer than 20 characters", "$.tests[2].variant", Text(21)),
        Set("date is longer than 30 characters", "$.tests[0].date", Text(31)),
        Set("date is a number", "$.tests[0].date", 20210210),
        Set("date written month/year", "$.tests[0].date", "02/2023"),
        Set("date written with a month name", "$.tests[0].date", "Feb 2023"),
        Set("date with month 13", "$.tests[0].date", "2023-13"),
        Set("date with a one-digit month", "$.tests[0].date", "2023-2"),
        Set("date with a time", "$.tests[0].date", "2023-02-15T10:00"),
        Set("mutations is a string", "$.tests[3].mutations", "G1202R"),
        TooMany("mutations has more than 50 items", "$.tests[3].mutations", 51),
        Set("a mutation is longer than 40 characters", "$.tests[3].mutations[0]", Text(41)),
        Set("a mutation is a number", "$.tests[3].mutations[0]", 1202),
        Set("a mutation is null", "$.tests[3].mutations[0]", null),
        TooMany("alterations has more than 50 items", "$.tests[3].alterations", 51),
        Set("an alteration is longer than 60 characters", "$.tests[3].alterations[0]", Text(61)),
        Set("an alteration is an object", "$.tests[3].alterations[0]", new JsonObject()),

        // Disease.
        Set("brainMetastases is a boolean", "$.disease.brainMetastases", true),
        Set("brainMetastases.present is a string", "$.disease.brainMetastases.present", "true"),
        Set("brainMetastases.count 1001 is above 1000", "$.disease.brainMetastases.count", 1001),
        Set("brainMetastases.largestMm 301 is above 300", "$.disease.brainMetastases.largestMm", 301),
        Set("brainMetastases.leptomeningeal is null", "$.disease.brainMetastases.leptomeningeal", null),
        Set("a site is not in the vocabulary", "$.disease.sites[1]", "kidney"),
        Set("sites is a string", "$.disease.sites", "bone"),
        Set("lesionCount 10001 is above 10000", "$.disease.lesionCount", 10001),
        Set("lesionCount 4.2 is not an integer", "$.disease.lesionCount", 4.2),
        Set("centralAirwayObstruction is a number", "$.disease.centralAirwayObstruction", 0),

        // History.
        Set("a history entry is a number", "$.history[0]", 3),
        Set("history therapy is not in the vocabulary", "$.history[1].therapy", "osimertinib"),
        Set("history therapy is a local therapy", "$.history[1].therapy", "srs"),
        Missing("history therapy is missing", "$.history[1].therapy"),
        Set("start is longer than 30 characters", "$.history[1].start", Text(31)),
        Set("end is a number", "$.history[1].end", 2024),
        Set("start written month/day/year", "$.history[1].start", "03/15/2021"),
        Set("start written with a month name", "$.history[1].start", "March 2021"),
        Set("end with day 32", "$.history[1].end", "2024-05-32"),
        Set("end is empty", "$.history[1].end", ""),
        Set("stopReason is not in the vocabulary", "$.history[1].stopReason", "toxicity"),
        Set("progressionPattern is not in the vocabulary", "$.history[1].progressionPattern", "local"),

        // Adverse events.
        Set("adverse event therapy is not in the vocabulary", "$.adverseEvents[0].therapy", "osimertinib"),
        Set("adverse event is not in the vocabulary", "$.adverseEvents[0].event", "rash"),
        Missing("adverse event is missing", "$.adverseEvents[0].event"),
        Missing("adverse event grade is missing", "$.adverseEvents[0].grade"),
        Set("grade 0 is below 1", "$.adverseEvents[0].grade", 0),
        Set("grade 6 is above 5", "$.adverseEvents[0].grade", 6),
        Set("grade 2.5 is not an integer", "$.adverseEvents[0].grade", 2.5),
        Set("grade is null", "$.adverseEvents[0].grade", null),

        // Comorbidities and medications.
        Set("a comorbidity is not in the vocabulary", "$.comorbidities[0]", "asthma"),
        Set("a comorbidity is null", "$.comorbidities[0]", null),
        Set("a medication is longer than 80 characters", "$.medications[0]", Text(81)),
        Set("a medication is a number", "$.medications[0]", 5),

        // Context.
        Set("region is not in the vocabulary", "$.context.region", "UK"),
        Set("region is null", "$.context.region", null),
        Set("an available therapy is not in the vocabulary", "$.context.available[0]", "osimertinib"),
        Set("available is null", "$.context.available", null),
        Set("an unavailable therapy is not in the vocabulary", "$.context.unavailable[0]", Unknown),
        Set("unavailable is a string", "$.context.unavailable", "repotrectinib"),
    ];
}
