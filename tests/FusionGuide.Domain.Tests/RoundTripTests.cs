using System.Text.Json.Nodes;
using FusionGuide.Domain.Tests.Support;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Domain.Tests;

/// <summary>A case read, written and read again is the same case, written in the contract's own codes.</summary>
public class RoundTripTests
{
    public static TheoryData<string> ValidRows => VariantTable.Names(ValidVariants.All);

    [Theory]
    [MemberData(nameof(ValidRows))]
    public void Writing_a_read_case_and_reading_it_again_gives_identical_bytes(string row)
    {
        var first = Read(VariantTable.Find(ValidVariants.All, row).Apply().ToJsonString());

        foreach (var indented in new[] { true, false })
        {
            var written = ContractJson.Serialize(first, indented);
            var again = CaseReader.Read(written);
            Assert.True(again.IsValid, $"the written case does not read back: {string.Join("; ", again.Problems)}");
            Assert.DoesNotContain(again.Notices, n => n.Code == "unknown-field");
            Assert.Equal(written, ContractJson.Serialize(again.Case!, indented));
        }
    }

    [Theory]
    [MemberData(nameof(ValidRows))]
    public void A_written_case_is_valid_under_the_contract_schema(string row)
    {
        var written = ContractJson.Serialize(Read(VariantTable.Find(ValidVariants.All, row).Apply().ToJsonString()));

        var schema = ContractFiles.EvaluateCase(JsonNode.Parse(written));

        Assert.True(schema.IsValid, $"case.schema.json rejects the written case at {string.Join(", ", schema.ErrorLocations)}");
    }

    [Theory]
    [InlineData("$.tests[4].gene", "PD-L1")]
    [InlineData("$.tests[3].method", "ngs-dna")]
    [InlineData("$.tests[2].method", "ngs-rna")]
    [InlineData("$.tests[0].clone", "5A4")]
    [InlineData("$.tests[4].clone", "22C3")]
    [InlineData("$.tests[3].timing", "progression")]
    [InlineData("$.history[0].therapy", "platinum-pemetrexed-bevacizumab")]
    [InlineData("$.history[1].stopReason", "progression")]
    [InlineData("$.tumor.stage", "IV")]
    [InlineData("$.patient.sex", "female")]
    [InlineData("$.context.region", "US")]
    [InlineData("$.adverseEvents[0].event", "hypertriglyceridemia")]
    [InlineData("$.tests[3].mutations[0]", "G1202R")]
    [InlineData("$.tests[3].alterations[0]", "MET amplification")]
    public void Enumerations_are_written_exactly_as_the_contract_spells_them(string path, string code)
    {
        var written = JsonNode.Parse(ContractJson.Serialize(Read(Cases.ValidText)))!;

        Assert.Equal(code, JsonPath.Get(written, path).GetValue<string>());
    }

    [Fact]
    public void The_written_case_keeps_every_field_of_the_input()
    {
        var input = Cases.Valid();
        input["tumor"]!.AsObject().Remove("transformation"); // null and absent mean the same; null is not written

        var written = JsonNode.Parse(ContractJson.Serialize(Read(input.ToJsonString())))!;
        RemoveEmptyArrays(written); // an empty list and an absent one mean the same

        Assert.True(JsonNode.DeepEquals(input, written), $"written:\n{written}");
    }

    private static void RemoveEmptyArrays(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Where(p => p.Value is JsonArray { Count: 0 }).Select(p => p.Key).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>())
                {
                    RemoveEmptyArrays(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    RemoveEmptyArrays(child);
                }

                break;
            default:
                break;
        }
    }

    private static Case Read(string json)
    {
        var outcome = CaseReader.Read(json);
        Assert.True(outcome.IsValid, string.Join("; ", outcome.Problems));
        return outcome.Case!;
    }
}
