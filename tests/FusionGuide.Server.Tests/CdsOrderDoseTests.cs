using System.Net;
using System.Text.Json;
using FusionGuide.Fhir.CdsHooks;
using FusionGuide.Server.Tests.Support;
using FusionGuide.Testing.Fhir;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.Data.Sqlite;

namespace FusionGuide.Server.Tests;

/// <summary>
/// The order check reads a drafted TKI's dose as milligrams per dose and doses per day, whatever the timing's form,
/// and compares it with the knowledge base's labelled levels: a level is silent, another dose a warning, a dose far
/// above the label critical, and a dose it cannot read an information card — never silence.
/// </summary>
public sealed class CdsOrderDoseTests : IDisposable
{
    private const string OrderSelect = "/cds-services/" + CdsHooksService.OrderSelectId;
    private readonly List<ApiFactory> factories = [];
    private HttpClient? client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var f in factories)
        {
            f.Dispose();
        }

        SqliteConnection.ClearAllPools();
    }

    private HttpClient Client()
    {
        if (client is null)
        {
            var f = new ApiFactory();
            factories.Add(f);
            client = f.CreateClient();
        }

        return client;
    }

    /// <summary>A drafted order with the dosage given; the rest as an EHR sends it.</summary>
    private static MedicationRequest Draft(string rxnorm, string name, Dosage? dosage) => new()
    {
        Id = "draft-dose", Status = MedicationRequest.MedicationrequestStatus.Draft, Intent = MedicationRequest.MedicationRequestIntent.Order,
        Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm, name), Subject = new ResourceReference("Patient/alk03"),
        DosageInstruction = dosage is null ? [] : [dosage],
    };

    private static Dosage Structured(decimal mg, int frequency, decimal period, Timing.UnitsOfTime unit) => new()
    {
        DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = new Quantity(mg, "mg") { Unit = "mg" } }],
        Timing = new Timing { Repeat = new Timing.RepeatComponent { Frequency = frequency, Period = period, PeriodUnit = unit } },
    };

    private static Dosage Coded(decimal mg, string code) => new()
    {
        DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = new Quantity(mg, "mg") { Unit = "mg" } }],
        Timing = new Timing { Code = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", code) },
    };

    /// <summary>The dose cards (indicator, summary) of a lorlatinib draft for alk03, whose first choice is lorlatinib (no other card).</summary>
    private async Task<List<(string Indicator, string Summary)>> DoseCards(BundleBuilder patient, MedicationRequest draft)
    {
        using var response = await Client().PostAsync(OrderSelect, Http.Json(CdsFixture.OrderSelect(patient, draft)), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return [.. doc.RootElement.GetProperty("cards").EnumerateArray()
            .Select(c => (c.GetProperty("indicator").GetString()!, c.GetProperty("summary").GetString()!))
            .Where(c => c.Item2.Contains("dose", StringComparison.Ordinal))];
    }

    private Task<List<(string Indicator, string Summary)>> Lorlatinib(Dosage? dosage) => DoseCards(Scenarios.AlkG1202R(), Draft("2103164", "lorlatinib", dosage));

    [Fact]
    public async Task Lorlatinib_600_mg_every_12_hours_is_critical_as_1200_mg_a_day()
    {
        var (indicator, summary) = Assert.Single(await Lorlatinib(Structured(600, 1, 12, Timing.UnitsOfTime.H)));
        Assert.Equal("critical", indicator);
        Assert.Equal("Lorlatinib 600 mg twice daily is far above the labelled dose (1200 mg a day; labelled at most 100 mg a day)", summary);
    }

    [Fact]
    public async Task Lorlatinib_100_mg_three_times_a_day_is_critical()
    {
        var (indicator, summary) = Assert.Single(await Lorlatinib(Structured(100, 3, 1, Timing.UnitsOfTime.D)));
        Assert.Equal("critical", indicator);
        Assert.StartsWith("Lorlatinib 100 mg 3 times a day is far above the labelled dose (300 mg a day", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lorlatinib_600_mg_twice_daily_is_critical_not_a_warning()
    {
        Assert.Equal("critical", Assert.Single(await Lorlatinib(Structured(600, 2, 1, Timing.UnitsOfTime.D))).Indicator);
    }

    [Theory]
    [InlineData(100, 1, 24, "h")]
    [InlineData(100, 1, 1, "d")]
    [InlineData(75, 1, 1, "d")]
    [InlineData(50, 7, 1, "wk")]
    public async Task A_labelled_level_in_any_timing_form_gets_no_dose_card(int mg, int frequency, int period, string unit)
    {
        var units = unit switch { "h" => Timing.UnitsOfTime.H, "wk" => Timing.UnitsOfTime.Wk, _ => Timing.UnitsOfTime.D };
        Assert.Empty(await Lorlatinib(Structured(mg, frequency, period, units)));
    }

    [Fact]
    public async Task A_timing_code_is_read_as_doses_per_day()
    {
        Assert.Empty(await Lorlatinib(Coded(100, "QD")));
        Assert.Equal("critical", Assert.Single(await Lorlatinib(Coded(100, "BID"))).Indicator);
    }

    [Fact]
    public async Task A_dose_between_levels_and_below_twice_the_label_is_a_warning()
    {
        var (indicator, summary) = Assert.Single(await Lorlatinib(Structured(150, 1, 1, Timing.UnitsOfTime.D)));
        Assert.Equal(("warning", "Lorlatinib dose 150 mg once daily is not a labelled level"), (indicator, summary));
    }

    [Fact]
    public async Task A_dose_given_only_as_text_in_the_simple_form_is_checked()
    {
        var (indicator, summary) = Assert.Single(await Lorlatinib(new Dosage { Text = "600 mg twice daily" }));
        Assert.Equal("critical", indicator);
        Assert.StartsWith("Lorlatinib 600 mg twice daily is far above", summary, StringComparison.Ordinal);
        Assert.Empty(await Lorlatinib(new Dosage { Text = "100 mg once daily" }));
    }

    [Fact]
    public async Task Brigatinib_600_mg_twice_daily_in_text_is_critical_and_its_lead_in_and_maintenance_are_silent()
    {
        var (indicator, _) = Assert.Single(await DoseCards(Scenarios.AlkFirstLine(), Draft("1921217", "brigatinib", new Dosage { Text = "600 mg twice daily" })));
        Assert.Equal("critical", indicator);
        Assert.Empty(await DoseCards(Scenarios.AlkFirstLine(), Draft("1921217", "brigatinib", Structured(90, 1, 1, Timing.UnitsOfTime.D))));
        Assert.Empty(await DoseCards(Scenarios.AlkFirstLine(), Draft("1921217", "brigatinib", Structured(180, 1, 1, Timing.UnitsOfTime.D))));
    }

    [Theory]
    [InlineData("take as directed")]
    [InlineData(null)]
    public async Task A_dose_that_cannot_be_read_gets_a_dose_not_checked_information_card(string? text)
    {
        var (indicator, summary) = Assert.Single(await Lorlatinib(text is null ? null : new Dosage { Text = text }));
        Assert.Equal(("info", "Lorlatinib dose not checked: FusionGuide could not read it"), (indicator, summary));
    }
}
