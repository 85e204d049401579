using FusionGuide.Domain.Tests.Support;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Domain.Tests;

/// <summary>Every problem in a document is reported in one pass, each with its own path.</summary>
public class ProblemCollectionTests
{
    [Fact]
    public void Five_independent_problems_are_all_reported_at_once()
    {
        var doc = Cases.ValidWith(d =>
        {
            JsonPath.Set(d, "$.patient.age", 121);
            JsonPath.Set(d, "$.tests[1].percentRearrangedCells", 150);
            JsonPath.Set(d, "$.history[1].therapy", "osimertinib");
            JsonPath.Set(d, "$.adverseEvents[0].grade", 6);
            JsonPath.Set(d, "$.context.region", "UK");
        });

        var outcome = CaseReader.Read(doc.ToJsonString());

        Assert.Null(outcome.Case);
        Assert.Equal(
            ["$.adverseEvents[0].grade", "$.context.region", "$.history[1].therapy", "$.patient.age", "$.tests[1].percentRearrangedCells"],
            outcome.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Brain_metastases_present_with_a_count_of_zero_and_no_leptomeningeal_disease_is_a_problem()
    {
        var doc = Cases.ValidWith(d => JsonPath.Set(d, "$.disease.brainMetastases", new System.Text.Json.Nodes.JsonObject { ["present"] = true, ["count"] = 0 }));

        var outcome = CaseReader.Read(doc.ToJsonString());

        Assert.Null(outcome.Case);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("$.disease.brainMetastases.count", problem.Path);
        Assert.Contains("leptomeningeal", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_man_recorded_as_pregnant_is_a_problem_not_a_pregnancy_pathway()
    {
        var doc = Cases.ValidWith(d =>
        {
            JsonPath.Set(d, "$.patient.sex", "male");
            JsonPath.Set(d, "$.comorbidities", new System.Text.Json.Nodes.JsonArray("pregnancy"));
        });

        var outcome = CaseReader.Read(doc.ToJsonString());

        Assert.Null(outcome.Case);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("$.comorbidities", problem.Path);
        Assert.Contains("male", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "IHC")]
    [InlineData(1, "FISH")]
    public void IHC_or_FISH_on_plasma_is_a_problem(int index, string method)
    {
        var doc = Cases.ValidWith(d => JsonPath.Set(d, $"$.tests[{index}].sample", "plasma"));

        var outcome = CaseReader.Read(doc.ToJsonString());

        Assert.Null(outcome.Case);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal($"$.tests[{index}].sample", problem.Path);
        Assert.Contains($"{method} needs tumour cells", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Leptomeningeal_disease_without_parenchymal_lesions_is_written_with_a_count_of_zero()
    {
        var doc = Cases.ValidWith(d => JsonPath.Set(d, "$.disease.brainMetastases", new System.Text.Json.Nodes.JsonObject { ["present"] = true, ["count"] = 0, ["leptomeningeal"] = true }));

        var outcome = CaseReader.Read(doc.ToJsonString());

        Assert.Empty(outcome.Problems);
        Assert.Equal(0, outcome.Case!.Disease.BrainMetastases!.Count);
    }

    [Fact]
    public void Problems_inside_an_entry_with_a_bad_required_field_are_still_reported()
    {
        var doc = Cases.ValidWith(d =>
        {
            JsonPath.Remove(d, "$.history[1].therapy");
            JsonPath.Set(d, "$.history[1].stopReason", "toxicity");
            JsonPath.Set(d, "$.tests[0].gene", "ALK1");
            JsonPath.Set(d, "$.tests[0].intensity", 9);
        });

        var paths = CaseReader.Read(doc.ToJsonString()).Problems.Select(p => p.Path).ToHashSet();

        Assert.Superset(new HashSet<string> { "$.history[1].therapy", "$.history[1].stopReason", "$.tests[0].gene", "$.tests[0].intensity" }, paths);
    }

    [Fact]
    public void Every_row_of_the_invalid_table_applied_together_yields_every_path()
    {
        // A fault that replaces a whole object or array would hide the faults inside it: only leaf faults are combined.
        var paths = InvalidVariants.All.Select(v => v.ExpectedPath).ToList();
        var leaves = InvalidVariants.All
            .Where(v => !paths.Any(p => p.Length > v.ExpectedPath.Length && p.StartsWith(v.ExpectedPath, StringComparison.Ordinal)
                && p[v.ExpectedPath.Length] is '.' or '['))
            .Where(v => !v.Name.Contains("more than", StringComparison.Ordinal))
            .GroupBy(v => v.ExpectedPath, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        var doc = Cases.Valid();
        foreach (var v in leaves)
        {
            v.Edit(doc);
        }

        var reported = CaseReader.Read(doc.ToJsonString()).Problems.Select(p => p.Path).ToHashSet();

        Assert.True(leaves.Count >= 40, $"only {leaves.Count} leaf faults");
        Assert.All(leaves, v => Assert.Contains(v.ExpectedPath, reported));
    }
}
