using System.Text.RegularExpressions;
using FusionGuide.Fhir.CdsHooks;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace FusionGuide.Fhir.Tests;

/// <summary>
/// Issue #21 item 4, cards a clinician would keep on: no order of a drug already taken, summaries in words and never cut
/// mid-word, the reader's notices in the report rather than on a card, and one informational card for a stable patient.
/// </summary>
public sealed partial class CardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Stable on lorlatinib since July 2024 (after G1202R on alectinib).</summary>
    private static BundleBuilder OnLorlatinib() => Scenarios.AlkG1202R().Therapy("2103164", "lorlatinib", "2024-07", null, null);

    private static IEnumerable<CdsSuggestion> Suggestions(CdsOutcome o) => o.Response!.Cards.SelectMany(c => c.Suggestions ?? []);

    [Fact]
    public async Task A_patient_on_lorlatinib_is_told_to_continue_it_and_is_not_offered_an_order_of_it()
    {
        var outcome = await CdsFixture.Service().PatientViewAsync(CdsFixture.PatientView(OnLorlatinib()), Ct);
        Assert.Contains(outcome.Response!.Cards, c => c.Summary.StartsWith("Continue Lorlatinib", StringComparison.Ordinal));
        Assert.DoesNotContain(Suggestions(outcome).SelectMany(s => s.Actions ?? []), a => a.Type == "create");
    }

    [Fact]
    public async Task An_order_of_alectinib_for_a_patient_on_lorlatinib_suggests_continuing_lorlatinib_not_a_new_order()
    {
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(OnLorlatinib(), CdsFixture.Draft("draft-a", "1727455", "alectinib", 600, 2)), Ct);
        var suggestion = Assert.Single(Suggestions(outcome));
        Assert.Equal("Remove this order and continue Lorlatinib", suggestion.Label);
        Assert.Equal(["delete"], suggestion.Actions!.Select(a => a.Type));
    }

    [Fact]
    public async Task A_patient_not_yet_on_the_first_choice_is_offered_its_order()
    {
        var outcome = await CdsFixture.Service().PatientViewAsync(CdsFixture.PatientView(Scenarios.AlkG1202R()), Ct);
        Assert.Contains(Suggestions(outcome), s => s.Label.StartsWith("Order Lorlatinib", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\b(ngs-rna|ngs-dna|rt-pcr|first-line|subsequent-targeted|post-targeted|non-targeted|diagnostic-workup|other-recommended|certain-circumstances|fhir-skipped|fhir-assumed|unknown-medication)\b|Driver (alk|ros1|indeterminate)")]
    private static partial Regex InternalCode();

    public static TheoryData<string> Patients => ["first-line", "g1202r", "ros1-g2032r", "on-lorlatinib", "rifampin"];

    private static BundleBuilder Patient(string name) => name switch
    {
        "first-line" => Scenarios.AlkFirstLine(),
        "g1202r" => Scenarios.AlkG1202R(),
        "ros1-g2032r" => Scenarios.Ros1G2032R(),
        "on-lorlatinib" => OnLorlatinib(),
        _ => Scenarios.LorlatinibRifampin(),
    };

    [Theory]
    [MemberData(nameof(Patients))]
    public async Task Summaries_are_words_without_internal_codes(string patient)
    {
        var outcome = await CdsFixture.Service(null).InvokeAsync(CdsHooksService.PatientViewId, CdsFixture.PatientView(Patient(patient)), CdsFixture.Links, Ct);
        Assert.All(outcome.Response!.Cards, c => Assert.False(InternalCode().IsMatch(c.Summary), c.Summary));
    }

    [Theory]
    [InlineData(138)]
    [InlineData(139)]
    [InlineData(140)]
    [InlineData(200)]
    public void A_long_summary_is_shortened_at_a_whole_word(int length)
    {
        var words = string.Join(' ', Enumerable.Repeat("Lorlatinib", 40))[..length];
        var clipped = CardKit.Clip(words);
        Assert.True(clipped.Length < 140, clipped);
        if (length >= 140)
        {
            Assert.EndsWith("Lorlatinib…", clipped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_reader_notices_are_in_the_result_and_report_not_on_the_cards()
    {
        // An unknown comorbidity code and an unresolvable medication: both are reader notices.
        var b = OnLorlatinib().Comorbidity("http://snomed.info/sct", "1234567", "Something the reader does not map")
            .With(new MedicationStatement { Status = MedicationStatement.MedicationStatusCodes.Active, Subject = new ResourceReference("Patient/alk03"), Medication = new CodeableConcept { Coding = [new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "99999999")] } });
        var outcome = await CdsFixture.Service().PatientViewAsync(CdsFixture.PatientView(b), Ct);
        Assert.Contains(outcome.Result!.Warnings, w => w.Code == "fhir-skipped" && w.Message.Contains("RxNorm 99999999", StringComparison.Ordinal));
        Assert.All(outcome.Response!.Cards, c =>
        {
            Assert.DoesNotContain("fhir-", c.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain(".entry[", c.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("99999999", c.Detail, StringComparison.Ordinal);
        });
        Assert.Contains(outcome.Response.Cards, c => c.Detail!.Contains("see the full report", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stable_patient_gets_one_information_card()
    {
        var outcome = await CdsFixture.Service().PatientViewAsync(CdsFixture.PatientView(OnLorlatinib()), Ct);
        var card = Assert.Single(outcome.Response!.Cards);
        Assert.Equal("info", card.Indicator);
        Assert.StartsWith("Continue Lorlatinib", card.Summary, StringComparison.Ordinal);
        // The merged card keeps what each card said.
        Assert.Contains("**Diagnosis and next tests**", card.Detail, StringComparison.Ordinal);
        Assert.Contains("**Monitoring**", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_number_of_information_cards_is_configurable()
    {
        var service = new CdsHooksService(Scenarios.Engine, CdsFixture.Options with { MaxInformationCards = 10 });
        var outcome = await service.PatientViewAsync(CdsFixture.PatientView(OnLorlatinib()), Ct);
        Assert.True(outcome.Response!.Cards.Count > 1);
        Assert.All(outcome.Response.Cards, c => Assert.Equal("info", c.Indicator));
    }

    [Fact]
    public async Task Warnings_and_critical_cards_are_never_merged()
    {
        var outcome = await CdsFixture.Service().PatientViewAsync(CdsFixture.PatientView(Scenarios.LorlatinibRifampin()), Ct);
        var cards = outcome.Response!.Cards;
        Assert.Contains(cards, c => c.Indicator == "critical" && c.Source.Topic!.Code == "interactions");
        Assert.True(cards.Count(c => c.Indicator == "info") <= 1);
    }
}
