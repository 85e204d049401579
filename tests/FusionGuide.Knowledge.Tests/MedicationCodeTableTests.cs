using System.Text.Json.Nodes;
using FusionGuide.Domain;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Knowledge.Medications;

namespace FusionGuide.Knowledge.Tests;

/// <summary>
/// Issue #21 item 3: knowledge/medication-codes/rxnorm.json is typed at load (wire → validator → compiled table),
/// covers every medication the knowledge base names for an interaction and every anticancer drug of its regimens,
/// and is not part of the knowledge base's own load (only the FHIR path reads it).
/// </summary>
public sealed class MedicationCodeTableTests
{
    private static readonly KnowledgeBase Kb = KnowledgeLoader.Embedded;

    private static string FilePath => Path.Combine(RepoPaths.Knowledge, "medication-codes", "rxnorm.json");

    private static MedicationCodeLoadResult LoadEdited(Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllBytes(FilePath))!.AsObject();
        edit(json);
        return MedicationCodeLoader.Load(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), Kb);
    }

    [Fact]
    public void The_file_in_the_repository_loads_without_a_problem_and_the_embedded_copy_is_that_file()
    {
        var result = MedicationCodeLoader.Load(File.ReadAllBytes(FilePath), Kb);
        Assert.Empty(result.Problems);
        Assert.Equal(File.ReadAllBytes(FilePath), MedicationCodeLoader.EmbeddedBytes());
    }

    [Fact]
    public void Every_interacting_medication_and_every_targeted_drug_has_its_RxNorm_ingredient()
    {
        var table = MedicationCodeLoader.For(Kb);
        foreach (var member in Kb.InteractionClasses.SelectMany(c => c.Members))
        {
            Assert.NotNull(table.Ingredient(member.Name));
        }

        foreach (var drug in Kb.Drugs.Where(d => d.IsTargeted))
        {
            var ingredient = table.Ingredient(Codes.Therapy.Code(drug.Therapy));
            Assert.Equal(drug.Therapy, ingredient?.Therapy);
        }

        Assert.All(new[] { AnticancerClass.Platinum, AnticancerClass.Pemetrexed, AnticancerClass.Etoposide, AnticancerClass.Bevacizumab, AnticancerClass.PdL1Inhibitor, AnticancerClass.Docetaxel, AnticancerClass.EgfrTki },
            c => Assert.Contains(table.Ingredients, i => i.Anticancer == c));
    }

    [Theory]
    [InlineData("198202", "rifampin")]    // SCD rifampin 300 MG Oral Capsule
    [InlineData("201868", "rifampin")]    // SBD [Rifadin]
    [InlineData("9384", "rifampin")]      // IN
    [InlineData("2103177", "lorlatinib")] // SCD lorlatinib 100 MG Oral Tablet
    [InlineData("309311", "cisplatin")]   // mCODE IG example MedicationRequest
    [InlineData("349472", "gefitinib")]   // mCODE IG example MedicationRequest
    public void A_code_resolves_to_its_ingredient(string code, string ingredient) =>
        Assert.Contains(MedicationCodeLoader.For(Kb).Concept(code)!.Ingredients, i => i.Name == ingredient);

    [Fact]
    public void RxNorm_197884_is_lisinopril_kept_so_as_never_to_be_read_as_rifampin()
    {
        var concept = MedicationCodeLoader.For(Kb).Concept("197884")!;
        Assert.Equal("lisinopril 40 MG Oral Tablet", concept.Display);
        Assert.Empty(concept.Ingredients);
    }

    [Fact]
    public void A_product_name_finds_its_concept()
    {
        var concept = MedicationCodeLoader.For(Kb).ByDisplay("Rifampin 300 mg Oral Capsule")!;
        Assert.Equal("198202", concept.Code);
        Assert.Equal(RxNormTermType.ClinicalDrug, concept.TermType);
    }

    [Fact]
    public void An_unknown_term_type_or_anticancer_class_is_a_load_problem_with_its_code()
    {
        var result = LoadEdited(j =>
        {
            j["ingredients"]![0]!["codes"]![0]!["tty"] = "XYZ";
            j["ingredients"]![0]!["anticancerClass"] = "kinase-thing";
        });
        Assert.Null(result.Table);
        Assert.Contains(result.Problems, p => p.Code == KnowledgeCodes.UnknownTerm && p.Message.Contains("tty 'XYZ'", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Code == KnowledgeCodes.UnknownTerm && p.Message.Contains("'kinase-thing'", StringComparison.Ordinal));
    }

    [Fact]
    public void Evidence_naming_no_source_and_a_code_mapped_and_kept_apart_are_load_problems()
    {
        var result = LoadEdited(j =>
        {
            j["ingredients"]![0]!["codes"]![0]!["evidence"]![0]!["reference"] = "nowhere";
            j["notToBeConfused"]![0]!["code"] = "198202";
        });
        Assert.Contains(result.Problems, p => p.Code == KnowledgeCodes.DanglingReference);
        Assert.Contains(result.Problems, p => p.Code == KnowledgeCodes.SelfContradiction && p.Message.Contains("198202", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_interacting_medication_is_a_load_problem()
    {
        var result = LoadEdited(j =>
        {
            var list = j["ingredients"]!.AsArray();
            list.Remove(list.Single(i => (string?)i!["name"] == "rifampin"));
        });
        Assert.Contains(result.Problems, p => p.Code == KnowledgeCodes.MissingRequired && p.Message.Contains("'rifampin' has no RxNorm codes", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_field_is_a_load_problem()
    {
        var result = LoadEdited(j => j["ingredients"]![0]!["colour"] = "blue");
        Assert.Equal(KnowledgeCodes.Unreadable, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void The_knowledge_base_load_does_not_hold_the_table()
    {
        // The knowledge image the CLI's recommend reads at start-up does not carry the 3.6 MB table (nor does its provenance part).
        foreach (var part in new[] { KnowledgeImage.RuntimeResource, KnowledgeImage.ProvenanceResource })
        {
            using var stream = typeof(KnowledgeLoader).Assembly.GetManifestResourceStream(part)!;
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            Assert.True(text.Length > 100_000, part);
            Assert.DoesNotContain("\"ingredients\"", text, StringComparison.Ordinal);
        }
    }
}
