using System.Text.Json;
using FusionGuide.Domain;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge.Tests;

/// <summary>The typed snapshot the compiler builds from the files (issue #19).</summary>
public sealed class CompiledSnapshotTests
{
    private static readonly DateOnly Day = new(2024, 4, 18);

    [Fact]
    public void A_validity_holds_from_its_first_day_and_not_on_its_end_day()
    {
        var v = new Validity(Day, Day.AddDays(10));
        Assert.False(v.Contains(Day.AddDays(-1)));
        Assert.True(v.Contains(Day));
        Assert.True(v.Contains(Day.AddDays(9)));
        Assert.False(v.Contains(Day.AddDays(10)));
        Assert.True(new Validity(null, null).Contains(DateOnly.MinValue));
        Assert.False(v.Overlaps(new Validity(Day.AddDays(10), null)));
        Assert.True(v.Overlaps(new Validity(null, Day.AddDays(1))));
    }

    [Fact]
    public void Every_drug_term_reads_back_as_the_code_its_file_writes()
    {
        var kb = KnowledgeLoader.Embedded;
        foreach (var drug in kb.Drugs)
        {
            using var file = JsonDocument.Parse(KnowledgeRecordJson.Write(kb, drug));
            var root = file.RootElement;
            Assert.Equal(root.GetProperty("id").GetString(), drug.Id);
            Assert.Equal(root.GetProperty("kind").GetString(), drug.Kind.Code());
            var approvals = root.TryGetProperty("approvals", out var a) ? a.EnumerateArray().ToList() : [];
            Assert.Equal(approvals.Count, drug.Approvals.Count);
            for (var i = 0; i < approvals.Count; i++)
            {
                Assert.Equal(approvals[i].GetProperty("status").GetString(), drug.Approvals[i].Status.Code());
                Assert.Equal(approvals[i].GetProperty("setting").GetString(), drug.Approvals[i].Setting.Code());
                Assert.Equal(approvals[i].TryGetProperty("date", out var d) ? d.GetString() : null, drug.Approvals[i].Code());
            }
        }
    }

    [Fact]
    public void A_guideline_table_never_applies_before_its_guideline_was_published()
    {
        var kb = KnowledgeLoader.Embedded;
        Assert.All(kb.Regimens, r =>
        {
            if (kb.Reference(r.Guideline)?.EarliestDay is { } published)
            {
                Assert.True(r.Applies.From >= published, $"{r.Id} applies from {r.Applies.From}, before {published}");
            }

            Assert.Equal(r.Validity.To, r.Applies.To);
        });
    }

    [Fact]
    public void A_resistance_row_is_found_by_its_mutation_set_in_any_order()
    {
        var kb = KnowledgeLoader.Embedded;
        var compound = kb.Resistance.First(r => r.Mutations.Count > 1);
        Assert.Same(compound, kb.ResistanceFor(compound.Gene, [.. compound.Mutations.Reverse()]));
        Assert.Null(kb.ResistanceFor(compound.Gene == Gene.Alk ? Gene.Ros1 : Gene.Alk, compound.Mutations));
    }
}
