using System.Text.Json.Nodes;
using FusionGuide.Knowledge.Loading;
using static FusionGuide.Knowledge.Tests.EditedKnowledge;

namespace FusionGuide.Knowledge.Tests;

/// <summary>#20 items 6 and 2: a chemotherapy regimen block and a mechanism's combinations are typed at load.</summary>
public sealed class ChemotherapyRegimenValidatorTests
{
    [Fact]
    public void Regimen_component_with_an_unknown_agent_is_KB005()
    {
        var r = LoadWith("drugs/platinum-pemetrexed.json", d => d["regimen"]!["components"]![0]!["agent"] = "alimta");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "drugs/platinum-pemetrexed.json");
    }

    [Fact]
    public void Regimen_alternative_to_a_drug_not_in_the_regimen_is_refused()
    {
        var r = LoadWith("drugs/platinum-pemetrexed.json", d => d["regimen"]!["components"]![2]!["alternativeTo"] = "docetaxel");
        AssertCode(r, KnowledgeCodes.MissingRequired, "drugs/platinum-pemetrexed.json");
    }

    [Fact]
    public void Premedication_step_without_a_source_is_refused()
    {
        var r = LoadWith("drugs/docetaxel.json", d => d["regimen"]!["premedication"]![0]!["sources"] = new JsonArray());
        AssertCode(r, KnowledgeCodes.WithoutSource, "drugs/docetaxel.json");
    }

    [Fact]
    public void Combination_with_an_unknown_use_is_KB005()
    {
        var r = LoadWith("resistance/off-target/alk-met-amplification.json", d => d["combinations"]![0]!["use"] = "compassionate");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "resistance/off-target/alk-met-amplification.json");
    }

    [Fact]
    public void Regimen_not_given_in_a_histology_without_an_instead_step_is_refused()
    {
        var r = LoadWith("drugs/chemo-immunotherapy.json", d => d["regimen"]!.AsObject().Remove("instead"));
        AssertCode(r, KnowledgeCodes.MissingRequired, "drugs/chemo-immunotherapy.json");
    }

    [Fact]
    public void Regimen_without_an_instead_step_for_one_of_its_histologies_is_refused()
    {
        // notIn names squamous and small-cell: dropping the small-cell step would leave small-cell chemo-immunotherapy
        // dosed as the pemetrexed regimen.
        var r = LoadWith("drugs/chemo-immunotherapy.json", d => d["regimen"]!["instead"]!.AsArray().RemoveAt(1));
        AssertCode(r, KnowledgeCodes.MissingRequired, "drugs/chemo-immunotherapy.json");
    }

    [Fact]
    public void An_instead_step_whose_same_chemotherapy_is_not_a_therapy_is_KB005()
    {
        var r = LoadWith("drugs/chemo-immunotherapy.json", d => d["regimen"]!["instead"]![1]!["sameChemotherapyAs"] = "carboplatin-etoposide");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "drugs/chemo-immunotherapy.json");
    }

    [Fact]
    public void A_release_before_2026_12_23_with_one_instead_step_for_its_one_histology_still_loads()
    {
        // kb diff reads the previous release with this program: its single squamous step must load.
        var r = LoadWith("drugs/chemo-immunotherapy.json", d =>
        {
            var regimen = d["regimen"]!.AsObject();
            var squamous = regimen["instead"]![0]!.DeepClone().AsObject();
            squamous.Remove("histology");
            regimen["instead"] = squamous;
            regimen["notIn"] = new JsonArray("squamous");
        });

        Assert.DoesNotContain(r.Problems, p => p.File.StartsWith("drugs/chemo-immunotherapy.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Regimen_not_given_in_an_unknown_histology_is_KB005()
    {
        var r = LoadWith("drugs/chemo-immunotherapy.json", d => d["regimen"]!["notIn"]![0] = "squamous-cell");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "drugs/chemo-immunotherapy.json");
    }

    [Theory]
    [InlineData("cautions")]
    [InlineData("monitoring")]
    public void A_caution_or_check_not_applied_in_an_unknown_histology_is_KB005(string list)
    {
        var r = LoadWith("drugs/chemo-immunotherapy.json", d => d[list]![0]!["notIn"] = new JsonArray("squamous-cell"));
        AssertCode(r, KnowledgeCodes.UnknownTerm, "drugs/chemo-immunotherapy.json");
    }

    [Fact]
    public void Loaded_regimen_is_typed_with_its_components_cycle_and_premedication()
    {
        var kb = KnowledgeLoader.Load(Directory.EnumerateFiles(RepoPaths.Knowledge, "*.json", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(RepoPaths.Knowledge, f).Replace('\\', '/'), File.ReadAllBytes(f))).ToList()).KnowledgeBase!;
        var regimen = kb.Drug(Domain.Therapy.PlatinumPemetrexed).Regimen!;

        Assert.Equal(21, regimen.CycleDays);
        Assert.Contains(regimen.Components, c => c.Agent == Model.RegimenAgent.Pemetrexed && c.Dose == "500 mg/m²");
        Assert.Contains(regimen.Components, c => c.Agent == Model.RegimenAgent.Carboplatin && c.AlternativeTo == Model.RegimenAgent.Cisplatin);
        Assert.Contains(regimen.Premedication, s => s.Text.Contains("Vitamin B12", StringComparison.Ordinal));
        Assert.NotNull(regimen.Maintenance);
    }
}
