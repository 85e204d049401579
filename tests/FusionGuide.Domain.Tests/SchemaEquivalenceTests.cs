using FusionGuide.Domain.Tests.Support;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Domain.Tests;

/// <summary>
/// Over a table of single-fault documents, the reader rejects every one the contract schema rejects, at the same place,
/// and accepts the boundary documents the schema accepts.
/// </summary>
public class SchemaEquivalenceTests
{
    public static TheoryData<string> InvalidRows => VariantTable.Names(InvalidVariants.All);

    public static TheoryData<string> ValidRows => VariantTable.Names(ValidVariants.All);

    [Fact]
    public void The_invalid_table_covers_at_least_sixty_faults() => Assert.True(InvalidVariants.All.Count >= 60);

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public void Schema_and_reader_both_reject_the_fault_at_its_path(string row)
    {
        var variant = VariantTable.Find(InvalidVariants.All, row);
        var doc = variant.Apply();

        var schema = ContractFiles.EvaluateCase(doc);
        Assert.False(schema.IsValid, $"case.schema.json accepts '{row}': the row does not test a fault");
        Assert.True(schema.ErrorLocations.Contains(variant.SchemaLocation),
            $"the schema reports {string.Join(", ", schema.ErrorLocations)}, not {variant.SchemaLocation}");

        var outcome = CaseReader.Read(doc.ToJsonString());
        Assert.Null(outcome.Case);
        Assert.True(outcome.Problems.Any(p => p.Path == variant.ExpectedPath),
            $"expected a problem at {variant.ExpectedPath}; got: {Describe(outcome.Problems)}");
    }

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public void A_single_fault_yields_problems_only_at_its_path(string row)
    {
        var variant = VariantTable.Find(InvalidVariants.All, row);

        var outcome = CaseReader.Read(variant.Apply().ToJsonString());

        Assert.All(outcome.Problems, p => Assert.Equal(variant.ExpectedPath, p.Path));
    }

    [Theory]
    [MemberData(nameof(ValidRows))]
    public void Schema_and_reader_both_accept_the_boundary_document(string row)
    {
        var doc = VariantTable.Find(ValidVariants.All, row).Apply();

        var schema = ContractFiles.EvaluateCase(doc);
        Assert.True(schema.IsValid, $"case.schema.json rejects '{row}' at {string.Join(", ", schema.ErrorLocations)}");

        var outcome = CaseReader.Read(doc.ToJsonString());
        Assert.True(outcome.IsValid, $"the reader rejects '{row}': {Describe(outcome.Problems)}");
        Assert.NotNull(outcome.Case);
    }

    private static string Describe(IEnumerable<Problem> problems) =>
        string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}")) is { Length: > 0 } s ? s : "no problem";
}
