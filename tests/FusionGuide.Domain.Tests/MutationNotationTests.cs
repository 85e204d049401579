using FusionGuide.Domain.Tests.Support;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Domain.Tests;

/// <summary>Kinase-domain mutations are normalised to the contract's one-letter protein change, or not read at all.</summary>
public class MutationNotationTests
{
    [Theory]
    [InlineData("p.Gly1202Arg", "G1202R", null)]
    [InlineData("p.G1202R", "G1202R", null)]
    [InlineData("ALK G1202R", "G1202R", "ALK")]
    [InlineData("alk:p.Gly1202Arg", "G1202R", "ALK")]
    [InlineData("g1202r", "G1202R", null)]
    [InlineData("G1202R", "G1202R", null)]
    [InlineData(" G1202R ", "G1202R", null)]
    [InlineData("p.(G1202R)", "G1202R", null)]
    [InlineData("p.(Gly1202Arg)", "G1202R", null)]
    [InlineData("Leu1196Met", "L1196M", null)]
    [InlineData("L1196M", "L1196M", null)]
    [InlineData("I1171N", "I1171N", null)]
    [InlineData("1151Tins", "1151Tins", null)]
    [InlineData("T1151Tins", "1151Tins", null)]
    [InlineData("p.Thr1151_Leu1152insThr", "1151Tins", null)]
    [InlineData("G1202del", "G1202del", null)]
    [InlineData("p.Gly1202del", "G1202del", null)]
    [InlineData("ROS1 G2032R", "G2032R", "ROS1")]
    [InlineData("p.Gly2032Arg", "G2032R", null)]
    [InlineData("D2033N", "D2033N", null)]
    public void A_readable_notation_is_normalised(string text, string expected, string? gene)
    {
        var parsed = MutationNotation.Normalise(text);

        Assert.Equal(expected, parsed.Mutation);
        Assert.Equal(gene, parsed.Gene);
    }

    [Theory]
    [InlineData("G1202")]
    [InlineData("XYZ")]
    [InlineData("1202R")]
    [InlineData("G12O2R")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("p.")]
    [InlineData("G1202R extra")]
    [InlineData("Xaa1202Arg")]
    [InlineData("B1202R")]
    [InlineData("G0R")]
    [InlineData("EGFR T790M")]
    [InlineData(null)]
    public void An_unreadable_notation_is_not_guessed(string? text) => Assert.Null(MutationNotation.Normalise(text).Mutation);

    [Fact]
    public void A_mutation_naming_ALK_inside_a_ROS1_test_is_a_problem_at_the_mutation()
    {
        var outcome = CaseReader.Read("""{ "tests": [ { "gene": "ROS1", "method": "ngs-dna", "mutations": ["ALK G1202R"] } ] }""");

        Assert.Null(outcome.Case);
        Assert.Equal("$.tests[0].mutations[0]", Assert.Single(outcome.Problems).Path);
    }

    [Fact]
    public void An_unreadable_mutation_in_a_case_is_a_problem_at_the_mutation()
    {
        var outcome = CaseReader.Read("""{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "mutations": ["G1202R", "G1202"] } ] }""");

        Assert.Equal("$.tests[0].mutations[1]", Assert.Single(outcome.Problems).Path);
    }

    [Fact]
    public void Mutations_in_a_case_are_stored_normalised_and_once()
    {
        var doc = Cases.ValidWith(d => JsonPath.Set(d, "$.tests[3].mutations", new System.Text.Json.Nodes.JsonArray("p.Gly1202Arg", "ALK G1202R", "p.(L1196M)", "1151Tins")));

        var test = CaseReader.Read(doc.ToJsonString()).Case!.Tests[3];

        Assert.Equal(["G1202R", "L1196M", "1151Tins"], test.Mutations);
    }
}
