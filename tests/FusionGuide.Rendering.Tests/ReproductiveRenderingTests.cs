namespace FusionGuide.Rendering.Tests;

/// <summary>
/// The labels' pregnancy, breastfeeding and contraception lines (dosing rows' <c>reproductive</c>) have a heading of
/// their own in both report formats, instead of sitting among the dosing table's organ-function adjustments.
/// </summary>
public sealed class ReproductiveRenderingTests
{
    private const string Line = "If of reproductive potential — Contraception, males with a partner who can become pregnant (EU label): use effective contraception for 14 weeks after the last dose.";

    private static Result WithReproductiveLine()
    {
        var r = Fixtures.G1202RAfterAlectinib();
        return r with { Dosing = [r.Dosing[0] with { Adjustments = ["renal-impairment: 75 mg once daily"], Reproductive = [Line] }] };
    }

    [Fact]
    public void Reproductive_lines_have_their_own_heading_in_markdown_and_html()
    {
        var markdown = MarkdownRenderer.Render(WithReproductiveLine());
        var html = HtmlRenderer.Render(WithReproductiveLine());

        Assert.Contains("## Pregnancy, breastfeeding and contraception", markdown, StringComparison.Ordinal);
        Assert.Contains("14 weeks after the last dose", markdown, StringComparison.Ordinal);
        Assert.Contains("Pregnancy, breastfeeding and contraception</h2>", html, StringComparison.Ordinal);
        Assert.Contains("14 weeks after the last dose", html, StringComparison.Ordinal);
        // The dosing table keeps the organ adjustment; the section comes after it.
        Assert.True(markdown.IndexOf("## Dosing", StringComparison.Ordinal) < markdown.IndexOf("## Pregnancy, breastfeeding and contraception", StringComparison.Ordinal));
        Assert.Contains("renal-impairment: 75 mg once daily", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_without_reproductive_lines_has_no_such_heading()
    {
        var markdown = MarkdownRenderer.Render(Fixtures.G1202RAfterAlectinib());

        Assert.DoesNotContain("Pregnancy, breastfeeding and contraception", markdown, StringComparison.Ordinal);
    }
}
