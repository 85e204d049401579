namespace FusionGuide.Cli.Tests;

public sealed class FormatTests
{
    [Fact]
    public void Markdown_format_renders_the_report_with_the_first_choice_and_citations()
    {
        var (code, stdout, _) = Cli.Run("recommend", Cli.Example("alk-g1202r-after-alectinib.json"), "--format", "markdown");
        Assert.Equal(0, code);
        Assert.Contains("lorlatinib", stdout, StringComparison.Ordinal);
        Assert.Contains("## References", stdout, StringComparison.Ordinal);
        // Cited by its readable name and citation, not by the knowledge base's id (issue #23).
        Assert.Contains("**LORBRENA USPI.** LORBRENA (lorlatinib)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("label-us-lorlatinib", stdout, StringComparison.Ordinal);
        Assert.Contains("## Patient and findings", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_format_renders_one_self_contained_document()
    {
        var (code, stdout, _) = Cli.Run("recommend", Cli.Example("alk-g1202r-after-alectinib.json"), "--format", "html");
        Assert.Equal(0, code);
        Assert.StartsWith("<!DOCTYPE html>", stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("id=\"ref-seed-21\"", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", stdout, StringComparison.OrdinalIgnoreCase);
    }
}
