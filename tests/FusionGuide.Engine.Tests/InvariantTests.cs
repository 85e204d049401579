using System.Text.Json.Nodes;
using FusionGuide.Domain;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>Properties every result keeps: determinism, disjoint options and avoid, metamorphic stability, the public vignettes.</summary>
public class InvariantTests
{
    public static TheoryData<string> Vignettes() =>
    [
        .. Directory.EnumerateFiles(Repo.VignetteCases, "*.json")
            .Order(StringComparer.Ordinal)
            .Where(f => JsonNode.Parse(File.ReadAllText(f))!["expect"]?["exitCode"] is null)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>(),
    ];

    private static JsonObject Vignette(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.VignetteCases, name + ".json")))!.AsObject();

    private static DateOnly? AsOf(JsonObject v)
    {
        var args = Kb.Strings(v["args"]).ToList();
        var i = args.IndexOf("--as-of");
        return i >= 0 ? DateOnly.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static Result Run(string name)
    {
        var v = Vignette(name);
        return Cases.EvaluateJson(v["case"]!.ToJsonString(), AsOf(v));
    }

    private static IReadOnlyList<string> OptionSequence(Result r) =>
        [.. r.SystemicTherapy.Options.Select(o => $"{o.Therapy.Code()}/{Codes.Preference.Code(o.Preference)}")];

    [Fact]
    public void Same_case_twice_gives_identical_bytes()
    {
        var c = Cases.Build("""
            { "disease": { "brainMetastases": { "present": true, "count": 2, "symptomatic": true, "largestMm": 12 }, "sites": ["brain", "liver"], "lesionCount": 3 },
              "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ],
              "medications": ["itraconazole", "paracetamol"], "comorbidities": ["hyperlipidemia"] }
            """);

        var a = ContractJson.Serialize(Cases.Engine.Evaluate(c));
        var b = ContractJson.Serialize(Cases.Engine.Evaluate(c));

        Assert.Equal(a, b);
    }

    [Theory]
    [MemberData(nameof(Vignettes))]
    public void Vignette_is_deterministic_and_never_offers_what_it_avoids(string name)
    {
        var v = Vignette(name);
        var c = Cases.Read(v["case"]!.ToJsonString()).Case;

        var first = Cases.Engine.Evaluate(c, AsOf(v));
        var second = Cases.Engine.Evaluate(c, AsOf(v));

        first.AssertOptionsDisjointFromAvoid();
        ResultSchema.AssertValid(first);
        Assert.Equal(ContractJson.Serialize(first), ContractJson.Serialize(second));
    }

    [Theory]
    [MemberData(nameof(Vignettes))]
    public void Vignette_expectations_hold_in_process(string name)
    {
        var expect = Vignette(name)["expect"]!.AsObject();
        var r = Run(name);

        if (expect["driver"] is { } driver) { Assert.Equal(driver.GetValue<string>(), r.Driver()); }
        if (expect["setting"] is { } setting) { Assert.Equal(setting.GetValue<string>(), r.Setting()); }
        if (expect["line"] is { } line) { Assert.Equal(line.GetValue<int>(), r.SystemicTherapy.Line); }
        if (expect["firstChoiceIn"] is { } firstIn) { Assert.Contains(r.First(), Kb.Strings(firstIn)); }
        foreach (var t in Kb.Strings(expect["optionsInclude"])) { Assert.Contains(t, r.Options()); }
        foreach (var t in Kb.Strings(expect["optionsExclude"])) { Assert.DoesNotContain(t, r.Options()); }
        foreach (var t in Kb.Strings(expect["avoidInclude"])) { Assert.Contains(t, r.Avoid()); }
        foreach (var t in Kb.Strings(expect["preferredInclude"])) { Assert.Contains(t, r.Preferred()); }
        foreach (var t in Kb.Strings(expect["notPreferred"])) { Assert.DoesNotContain(t, r.Preferred()); }
        foreach (var t in Kb.Strings(expect["localInclude"])) { Assert.Contains(t, r.Local()); }
        foreach (var t in Kb.Strings(expect["localExclude"])) { Assert.DoesNotContain(t, r.Local()); }
        if (expect["localEmpty"]?.GetValue<bool>() == true) { Assert.Empty(r.LocalTherapy); }
        foreach (var t in Kb.Strings(expect["warningCodesInclude"])) { Assert.Contains(t, r.WarningCodes()); }
        foreach (var g in expect["genes"]?.AsObject() ?? []) { Assert.Equal(g.Value!.GetValue<string>(), r.Gene(g.Key)); }
    }

    [Theory]
    [MemberData(nameof(Vignettes))]
    public void Case_id_and_an_unknown_medication_never_change_the_options(string name)
    {
        var v = Vignette(name);
        var before = Run(name);
        var changed = v["case"]!.DeepClone().AsObject();
        changed["id"] = "another-id";
        var meds = changed["medications"] as JsonArray ?? [];
        meds.Add("paracetamol-zz-unknown");
        changed["medications"] = meds.DeepClone();

        var after = Cases.EvaluateJson(changed.ToJsonString(), AsOf(v));

        Assert.Equal(OptionSequence(before), OptionSequence(after));
        Assert.Equal(before.Avoid(), after.Avoid());
        Assert.Equal("another-id", after.CaseId);
        Assert.Contains("unknown-medication", after.WarningCodes());
    }

    [Theory]
    [MemberData(nameof(Vignettes))]
    public void Marking_a_drug_unavailable_never_adds_an_option(string name)
    {
        var v = Vignette(name);
        var before = Run(name);
        foreach (var therapy in Codes.Therapy.Values)
        {
            var code = therapy.Code();
            var changed = v["case"]!.DeepClone().AsObject();
            var context = changed["context"] as JsonObject ?? [];
            var unavailable = context["unavailable"] as JsonArray ?? [];
            if (unavailable.Any(u => u!.GetValue<string>() == code))
            {
                continue;
            }

            unavailable.Add(code);
            context["unavailable"] = unavailable.DeepClone();
            changed["context"] = context.DeepClone();

            var after = Cases.EvaluateJson(changed.ToJsonString(), AsOf(v));

            Assert.DoesNotContain(code, after.Options());
            var remainingPreferred = before.Preferred().Where(p => p != code).ToList();
            var remainingTargeted = before.Options().Where(o => o != code && Kb.IsTargeted(o)).ToList();
            var sameStanding = remainingPreferred.Count > 0 && (remainingTargeted.Count > 0 || !before.Options().Any(Kb.IsTargeted));
            if (sameStanding)
            {
                // A combination (SYS-COMB-001) continues a TKI alongside: it leaves with that TKI too.
                Assert.Equal(before.SystemicTherapy.Options.Where(o => o.Therapy != therapy && o.Combination?.With.Contains(therapy) != true).Select(o => o.Therapy.Code()), after.Options());
            }
        }
    }

    [Fact]
    public void Knowledge_base_version_is_stamped_from_the_manifest()
    {
        var r = Cases.Evaluate();

        Assert.Equal(Kb.File("manifest.json")["version"]!.GetValue<string>(), r.KnowledgeBaseVersion);
        Assert.Equal("base", r.CaseId);
    }

    [Fact]
    public void Every_reference_cited_is_in_the_reference_list()
    {
        var known = Kb.Folder("references").Select(x => x["id"]!.GetValue<string>()).ToHashSet();
        foreach (var name in Vignettes())
        {
            var r = Run(name.Data);
            var cited = r.SystemicTherapy.Options.SelectMany(o => o.References)
                .Concat(r.Trace.SelectMany(t => t.References))
                .Concat(r.Dosing.SelectMany(d => d.References ?? []))
                .Concat(r.Interactions.SelectMany(i => i.References ?? []));
            Assert.All(cited, c => Assert.Contains(c, known));
        }
    }
}
