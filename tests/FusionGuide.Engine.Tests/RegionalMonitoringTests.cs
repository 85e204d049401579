using System.Text.Json.Nodes;
using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// Monitoring and caution records may follow one region's label (optional <c>region</c>, the approvals' vocabulary;
/// absent = everywhere). A case sees its own region's records and the region-less ones; a check only another region's
/// label schedules is still shown, saying whose schedule it is, so the region filter never loses a safety check. The
/// tests give lorlatinib's lipid monitoring a US and an EU record in a copy of the knowledge base (whatever the
/// shipped records say).
/// </summary>
public sealed class RegionalMonitoringTests
{
    private const string Lipids = "Serum cholesterol and triglycerides";
    private const string UsSchedule = "before starting; 1 and 2 months after starting; periodically thereafter";
    private const string EuSchedule = "before starting; 2, 4 and 8 weeks after starting; periodically thereafter";
    private const string OnLorlatinib = "\"history\": [ { \"therapy\": \"lorlatinib\", \"start\": \"2025-01\", \"stopReason\": \"ongoing\" } ]";

    /// <summary>lorlatinib-lipids as the US record and a second, EU record of the same check.</summary>
    private static readonly Lazy<FusionEngine> BothRegions = new(() => EditedKnowledge.Engine(("drugs/lorlatinib.json", drug =>
    {
        var monitoring = drug["monitoring"]!.AsArray();
        var us = Record(monitoring, "lorlatinib-lipids");
        us["schedule"] = UsSchedule;
        us["region"] = "US";
        Record(monitoring, "lorlatinib-glucose").Remove("region");
        foreach (var eu in monitoring.Where(m => m!["region"]?.GetValue<string>() == "EU" && m!["item"]!.GetValue<string>() == Lipids).ToList())
        {
            monitoring.Remove(eu);
        }

        monitoring.Add(new JsonObject
        {
            ["id"] = "lorlatinib-lipids-eu-test",
            ["item"] = Lipids,
            ["schedule"] = EuSchedule,
            ["region"] = "EU",
            ["sources"] = new JsonArray("smpc-eu-lorlatinib"),
            ["verified"] = false,
            ["verificationNote"] = "Test record.",
        });
    })));

    /// <summary>Only the US record of the lipid check.</summary>
    private static readonly Lazy<FusionEngine> UsOnly = new(() => EditedKnowledge.Engine(("drugs/lorlatinib.json", drug =>
    {
        var monitoring = drug["monitoring"]!.AsArray();
        var us = Record(monitoring, "lorlatinib-lipids");
        us["schedule"] = UsSchedule;
        us["region"] = "US";
        foreach (var other in monitoring.Where(m => m != us && m!["item"]!.GetValue<string>() == Lipids).ToList())
        {
            monitoring.Remove(other);
        }
    })));

    private static JsonObject Record(JsonArray records, string id) => records.Single(m => m!["id"]!.GetValue<string>() == id)!.AsObject();

    private static Result OnLorlatinibIn(FusionEngine engine, string region) =>
        EditedKnowledge.Evaluate(engine, $$"""{ {{OnLorlatinib}}, "context": { "region": "{{region}}" } }""");

    private static MonitoringRow LipidRow(Result r) => Assert.Single(r.Monitoring, m => m.Therapy == Therapy.Lorlatinib && m.Item == Lipids);

    [Fact]
    public void US_case_gets_the_US_lipid_schedule_and_not_the_EU_one()
    {
        var r = OnLorlatinibIn(BothRegions.Value, "US");

        Assert.Equal(UsSchedule, LipidRow(r).Schedule);
        Assert.Contains(r.Trace, t => t.Rule == "SAFE-MON-001" && t.Detail.Contains($"Not applied to a case in US (its own schedule is recorded): {Lipids} (EU SmPC: {EuSchedule})", StringComparison.Ordinal));
    }

    [Fact]
    public void Shipped_lorlatinib_lipid_records_give_a_US_and_an_EU_case_their_own_label_schedule()
    {
        var records = Kb.Drug("lorlatinib")["monitoring"]!.AsArray().Where(m => m!["item"]!.GetValue<string>() == Lipids).ToList();
        string Schedule(string region) => records.Single(m => m!["region"]?.GetValue<string>() == region)!["schedule"]!.GetValue<string>();

        var us = Cases.Evaluate($$"""{ {{OnLorlatinib}}, "context": { "region": "US" } }""");
        var eu = Cases.Evaluate($$"""{ {{OnLorlatinib}}, "context": { "region": "EU" } }""");

        Assert.Equal(Schedule("US"), LipidRow(us).Schedule);
        Assert.Equal(Schedule("EU"), LipidRow(eu).Schedule);
        Assert.NotEqual(LipidRow(us).Schedule, LipidRow(eu).Schedule);
    }

    [Fact]
    public void EU_case_gets_the_EU_lipid_schedule_and_not_the_US_one()
    {
        var r = OnLorlatinibIn(BothRegions.Value, "EU");

        Assert.Equal(EuSchedule, LipidRow(r).Schedule);
    }

    [Fact]
    public void EU_case_without_an_EU_record_still_gets_the_check_saying_it_is_the_US_schedule()
    {
        var r = OnLorlatinibIn(UsOnly.Value, "EU");

        Assert.Equal($"EU SmPC schedule not recorded; US label: {UsSchedule}", LipidRow(r).Schedule);
        // The US case reads its own record as written.
        Assert.Equal(UsSchedule, LipidRow(OnLorlatinibIn(UsOnly.Value, "US")).Schedule);
    }

    [Fact]
    public void Case_without_a_region_gets_both_schedules_each_saying_whose_label_it_is()
    {
        var json = JsonNode.Parse(Cases.Json($$"""{ {{OnLorlatinib}} }"""))!;
        json["context"]!.AsObject().Remove("region");
        var r = EditedKnowledge.EvaluateJson(BothRegions.Value, json.ToJsonString());

        var schedules = r.Monitoring.Where(m => m.Therapy == Therapy.Lorlatinib && m.Item == Lipids).Select(m => m.Schedule).ToList();
        Assert.Equal([$"US label: {UsSchedule}", $"EU SmPC: {EuSchedule}"], schedules);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("EU")]
    [InlineData("JP")]
    public void Record_without_a_region_shows_for_every_region_as_written(string region)
    {
        // lorlatinib-glucose has no region in the test copy.
        var glucose = Kb.Drug("lorlatinib")["monitoring"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == "lorlatinib-glucose")!;

        var r = OnLorlatinibIn(BothRegions.Value, region);

        var row = Assert.Single(r.Monitoring, m => m.Therapy == Therapy.Lorlatinib && m.Item == glucose["item"]!.GetValue<string>());
        Assert.Equal(glucose["schedule"]!.GetValue<string>(), row.Schedule);
    }

    [Fact]
    public void Caution_only_another_region_records_still_applies_and_says_whose_label_it_is()
    {
        var engine = EditedKnowledge.Engine(("drugs/brigatinib.json", drug => Record(drug["cautions"]!.AsArray(), "brigatinib-hypertension")["region"] = "EU"));
        var message = Record(Kb.Drug("brigatinib")["cautions"]!.AsArray(), "brigatinib-hypertension")["message"]!.GetValue<string>();

        var r = EditedKnowledge.Evaluate(engine, """{ "comorbidities": ["hypertension"], "context": { "region": "US" } }""");

        var brigatinib = r.SystemicTherapy.Options.Single(o => o.Therapy == Therapy.Brigatinib);
        Assert.Contains($"US label caution not recorded; EU SmPC: {message}", brigatinib.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_region_on_a_monitoring_record_is_a_load_problem()
    {
        var loaded = EditedKnowledge.Load(("drugs/lorlatinib.json", drug => Record(drug["monitoring"]!.AsArray(), "lorlatinib-lipids")["region"] = "UK"));

        Assert.Null(loaded.KnowledgeBase);
        Assert.Contains(loaded.Problems, p => p.File == "drugs/lorlatinib.json" && p.Code == KnowledgeCodes.UnknownTerm && p.Message.Contains("UK", StringComparison.Ordinal));
    }
}
