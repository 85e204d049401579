namespace FusionGuide.Rendering.Tests;

public class MarkdownRendererTests
{
    private static readonly string Markdown = MarkdownRenderer.Render(Fixtures.G1202RAfterAlectinib(), Fixtures.References());

    [Fact]
    public void Markdown_lists_options_in_rank_order()
    {
        var rows = Lines().Where(l => l.StartsWith("| 1 |", StringComparison.Ordinal)
            || l.StartsWith("| 2 |", StringComparison.Ordinal)
            || l.StartsWith("| 3 |", StringComparison.Ordinal)).Take(3).ToList();

        Assert.Equal(3, rows.Count);
        Assert.StartsWith("| 1 | lorlatinib | **Preferred** (category 2A) |", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("| 2 | clinical trial | **Other recommended** |", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("| 3 | platinum-pemetrexed | **Useful in certain circumstances** |", rows[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_shows_avoided_therapies_with_reasons()
    {
        Assert.Contains("| alectinib | ALK G1202R confers resistance to alectinib. | Gainor-2016 |", Lines());
        Assert.Contains("| crizotinib | ALK G1202R confers resistance to crizotinib. | Gainor-2016 |", Lines());
    }

    [Fact]
    public void Markdown_escapes_markup_in_result_text()
    {
        Assert.DoesNotContain("<script>", Markdown, StringComparison.Ordinal);
        Assert.Contains(@"rifampin \<script\>alert(1)\</script\>", Markdown, StringComparison.Ordinal);
        Assert.Contains(@"# FusionGuide report: case case-\<b\>017\</b\> \& ""Smith""", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_keeps_a_pipe_in_a_value_inside_its_table_cell()
    {
        var result = Fixtures.G1202RAfterAlectinib() with
        {
            Warnings = [new Warning("odd", "left | right\nnext line")],
        };

        var markdown = MarkdownRenderer.Render(result);

        Assert.Contains(@"| odd | left \| right next line |", markdown.Split('\n'));
    }

    [Fact]
    public void Markdown_shows_dosing_reductions_in_order()
    {
        Assert.Contains("100 mg once daily | 75 mg once daily → 50 mg once daily |", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_numbers_references_in_order_of_first_citation()
    {
        var entries = Lines().SkipWhile(l => l != "## References").Where(l => l.Length > 0 && char.IsAsciiDigit(l[0])).ToList();

        Assert.Equal(
            ["1. **NCCN NSCLC v5.2025.**", "2. **Shaw-2019.**", "3. **Gainor-2016.**", "4. **Lorbrena USPI.**"],
            entries.Select(e => e[..(e.IndexOf(".** ", StringComparison.Ordinal) + 3)]));
    }

    [Fact]
    public void Markdown_without_a_reference_list_names_the_ids()
    {
        var markdown = MarkdownRenderer.Render(Fixtures.G1202RAfterAlectinib());

        Assert.Contains("1. **nccn-nsclc-v5-2025**\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Not in the reference list.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_reports_contraindicated_interaction()
    {
        Assert.Contains(Lines(), l => l.StartsWith(@"| lorlatinib | rifampin \<script\>", StringComparison.Ordinal)
            && l.Contains("| contraindicated | cyp3a-strong-inducer |", StringComparison.Ordinal));
    }

    private static string[] Lines() => Markdown.Split('\n');
}
