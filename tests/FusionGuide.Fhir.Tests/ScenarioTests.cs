using FusionGuide.Domain.Wire;
using FusionGuide.Fhir.CdsHooks;

namespace FusionGuide.Fhir.Tests;

/// <summary>Bundles built with the SDK read into the same case as the equivalent contract JSON, and give the same advice.</summary>
public sealed class ScenarioTests
{
    public static TheoryData<string> Names => ["alk-first-line", "alk-g1202r-after-alectinib", "ros1-g2032r-after-crizotinib", "lorlatinib-rifampin"];

    private static (BundleBuilder Bundle, string Json) Scenario(string name) => name switch
    {
        "alk-first-line" => (Scenarios.AlkFirstLine(), Scenarios.AlkFirstLineJson),
        "alk-g1202r-after-alectinib" => (Scenarios.AlkG1202R(), Scenarios.AlkG1202RJson()),
        "ros1-g2032r-after-crizotinib" => (Scenarios.Ros1G2032R(), Scenarios.Ros1G2032RJson),
        _ => (Scenarios.LorlatinibRifampin(), Scenarios.LorlatinibRifampinJson),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Bundle_reads_into_the_equivalent_json_case(string name)
    {
        var (bundle, json) = Scenario(name);
        var mapping = FhirCaseReader.Read(bundle.Bundle(), Scenarios.Options);

        Assert.True(mapping.IsValid, string.Join("; ", mapping.Problems));
        Assert.Empty(mapping.Warnings);
        Assert.Equal(ContractJson.Serialize(Scenarios.Case(json)), ContractJson.Serialize(mapping.Case!));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Patient_view_cards_name_the_first_choice_and_avoid_list_of_the_json_case(string name)
    {
        var (bundle, json) = Scenario(name);
        var direct = Scenarios.Engine.Evaluate(Scenarios.Case(json), Scenarios.AsOf);
        // Every section on its own card (a site may allow that many informational cards; the default merges them).
        var service = new CdsHooksService(Scenarios.Engine, CdsFixture.Options with { MaxInformationCards = 10 });
        var outcome = await service.PatientViewAsync(CdsFixture.PatientView(bundle), TestContext.Current.CancellationToken);

        Assert.Equal(CdsOutcomeKind.Answered, outcome.Kind);
        var cards = outcome.Response!.Cards;
        var kb = Scenarios.Engine.KnowledgeBase;
        var first = kb.Drug(direct.SystemicTherapy.Options[0].Therapy).Name;
        Assert.StartsWith(first, cards.Single(c => c.Source.Topic!.Code == "systemic-therapy").Summary, StringComparison.Ordinal);
        var avoid = cards.SingleOrDefault(c => c.Source.Topic!.Code == "avoid");
        if (direct.SystemicTherapy.Avoid.Count == 0)
        {
            Assert.Null(avoid);
        }
        else
        {
            Assert.Equal($"Avoid {string.Join(", ", direct.SystemicTherapy.Avoid.Select(a => kb.Drug(a.Therapy).Name))}", avoid!.Summary);
        }

        Assert.Equal(direct.SystemicTherapy.Options.Select(o => o.Therapy), outcome.Result!.SystemicTherapy.Options.Select(o => o.Therapy));
    }

    [Fact]
    public void G1202R_after_alectinib_recommends_lorlatinib_and_avoids_alectinib()
    {
        var r = Scenarios.Engine.Evaluate(FhirCaseReader.Read(Scenarios.AlkG1202R().Bundle(), Scenarios.Options).Case!, Scenarios.AsOf);
        Assert.Equal(Therapy.Lorlatinib, r.SystemicTherapy.Options[0].Therapy);
        Assert.Contains(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Alectinib);
    }

    [Fact]
    public void Rifampin_from_RxNorm_gives_a_contraindicated_lorlatinib_interaction()
    {
        var r = Scenarios.Engine.Evaluate(FhirCaseReader.Read(Scenarios.LorlatinibRifampin().Bundle(), Scenarios.Options).Case!, Scenarios.AsOf);
        Assert.Contains(r.Interactions, i => i.Therapy == Therapy.Lorlatinib && i.With == "rifampin" && i.Severity == Severity.Contraindicated);
    }
}
