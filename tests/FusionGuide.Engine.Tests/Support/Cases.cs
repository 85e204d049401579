using System.Text.Json.Nodes;
using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Engine.Tests.Support;

/// <summary>
/// Builds cases from compact JSON overrides of a base case (ALK D5F3-positive stage IVB adenocarcinoma, US,
/// treatment-naive, no brain metastases) and evaluates them. Objects merge key by key; arrays and scalars replace.
/// </summary>
internal static class Cases
{
    public const string Base = """
        {
          "id": "base",
          "patient": { "age": 55, "sex": "female", "smoking": "never", "ecog": 1 },
          "tumor": { "histology": "adenocarcinoma", "stage": "IVB" },
          "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" } ],
          "disease": { "brainMetastases": { "present": false }, "sites": ["bone"], "centralAirwayObstruction": false },
          "history": [],
          "adverseEvents": [],
          "comorbidities": [],
          "medications": [],
          "context": { "region": "US" }
        }
        """;

    /// <summary>Tests establishing a ROS1 fusion (tissue RNA NGS, CD74 partner), to use as a <c>tests</c> override.</summary>
    public const string Ros1Tests = """[ { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "positive", "fusionPartner": "CD74" } ]""";

    private static readonly Lazy<FusionEngine> EngineValue = new(() => new FusionEngine(KnowledgeLoader.Embedded));

    public static FusionEngine Engine => EngineValue.Value;

    /// <summary>The base case merged with the overrides, as JSON text.</summary>
    public static string Json(string overrides = "{}")
    {
        var root = JsonNode.Parse(Base)!.AsObject();
        Merge(root, JsonNode.Parse(overrides)!.AsObject());
        return root.ToJsonString();
    }

    /// <summary>Reads a case through the validating reader; fails the test when the reader rejects it.</summary>
    public static (Case Case, IReadOnlyList<InputNotice> Notices) Read(string json)
    {
        var outcome = CaseReader.Read(json);
        Assert.True(outcome.Case is not null, "The test case is invalid: " + string.Join("; ", outcome.Problems.Select(p => $"{p.Path}: {p.Message}")));
        return (outcome.Case!, outcome.Notices);
    }

    /// <summary>The base case with the overrides.</summary>
    public static Case Build(string overrides = "{}") => Read(Json(overrides)).Case;

    /// <summary>Evaluates the base case with the overrides; every result is checked against the contract's schema.</summary>
    public static Result Evaluate(string overrides = "{}", DateOnly? asOf = null) => EvaluateJson(Json(overrides), asOf);

    /// <summary>
    /// The patient is on <paramref name="drug"/> (so it is in play; ROS1 tests for a ROS1-only drug) and takes
    /// <paramref name="medications"/>: the case the interaction tests read.
    /// </summary>
    public static Result OnDrugWith(string drug, params string[] medications)
    {
        var tests = Kb.Targets(drug).Contains("ALK") ? "" : $", \"tests\": {Ros1Tests}";
        var meds = string.Join(", ", medications.Select(m => $"\"{m}\""));
        return Evaluate($$"""{ "history": [ { "therapy": "{{drug}}", "start": "2025-01", "stopReason": "ongoing" } ], "medications": [{{meds}}] {{tests}} }""");
    }

    /// <summary>
    /// The patient is on <paramref name="drug"/> (started 2025-06) with <paramref name="events"/> recorded on it: the case
    /// the toxicity tests read (SAFE-TOX-005, SAFE-TOX-006).
    /// </summary>
    public static Result OnDrugWithEvents(string drug, params (string Event, int Grade)[] events) => Evaluate($$"""
        {
          "history": [ { "therapy": "{{drug}}", "start": "2025-06", "stopReason": "ongoing" } ],
          "adverseEvents": [ {{string.Join(", ", events.Select(x => $$"""{ "therapy": "{{drug}}", "event": "{{x.Event}}", "grade": {{x.Grade}} }"""))}} ]
        }
        """);

    /// <summary>The one interaction row of <paramref name="t"/> with <paramref name="with"/>.</summary>
    public static InteractionRow InteractionRow(Result r, Therapy t, string with) => Xunit.Assert.Single(r.Interactions, i => i.Therapy == t && i.With == with);

    /// <summary>Evaluates a whole case document.</summary>
    public static Result EvaluateJson(string json, DateOnly? asOf = null)
    {
        var (c, notices) = Read(json);
        var result = Engine.Evaluate(c, asOf, notices);
        ResultSchema.AssertValid(result);
        return result;
    }

    /// <summary>A progression test of the driver gene reporting kinase mutations (DNA NGS, on plasma unless told).</summary>
    public static string ProgressionTest(string gene, IEnumerable<string> mutations, IEnumerable<string>? alterations = null, string? sample = "plasma")
    {
        var t = new JsonObject
        {
            ["gene"] = gene,
            ["method"] = "ngs-dna",
            ["timing"] = "progression",
            ["result"] = "positive",
            ["mutations"] = new JsonArray([.. mutations.Select(m => (JsonNode)JsonValue.Create(m))]),
        };
        if (sample is not null)
        {
            t["sample"] = sample;
        }

        if (alterations is not null)
        {
            t["alterations"] = new JsonArray([.. alterations.Select(a => (JsonNode)JsonValue.Create(a))]);
        }

        return t.ToJsonString();
    }

    private static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides.ToList())
        {
            if (value is JsonObject o && target[key] is JsonObject existing)
            {
                Merge(existing, o);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
