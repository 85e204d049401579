using System.Text.RegularExpressions;

namespace FusionGuide.Rendering.Tests;

public partial class HtmlRendererTests
{
    private static readonly string Html = HtmlRenderer.Render(Fixtures.G1202RAfterAlectinib(), Fixtures.References());

    [Fact]
    public void Html_escapes_case_id_and_medication_names()
    {
        Assert.DoesNotContain("<b>017</b>", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("case-&lt;b&gt;017&lt;/b&gt; &amp; &quot;Smith&quot;", Html, StringComparison.Ordinal);
        Assert.Contains("rifampin &lt;script&gt;alert(1)&lt;/script&gt;", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_links_each_reference_to_its_entry()
    {
        var targets = Href().Matches(Html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var entries = EntryId().Matches(Html).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(entries.Count, entries.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(targets.Order(StringComparer.Ordinal), entries.Order(StringComparer.Ordinal));
        Assert.Equal(
            Render.CitedIds(Fixtures.G1202RAfterAlectinib()).Select(id => "ref-" + id).Order(StringComparer.Ordinal),
            entries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Html_cites_by_short_name_when_the_list_has_one()
    {
        Assert.Contains("<a class=\"cite\" href=\"#ref-shaw-2019-lorlatinib\">Shaw-2019</a>", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Preference_badges_carry_text_not_only_colour()
    {
        var badges = Badge().Matches(Html).Select(m => (Class: m.Groups[1].Value, Text: m.Groups[2].Value)).ToList();

        Assert.Equal(
            [("preferred", "Preferred"), ("other-recommended", "Other recommended"), ("certain-circumstances", "Useful in certain circumstances")],
            badges);
        foreach (var (cssClass, _) in badges)
        {
            Assert.Contains($".badge-{cssClass} {{", Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Html_is_self_contained_and_printable()
    {
        Assert.DoesNotContain("<script", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@media print", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_declares_language_charset_title_and_scoped_headers()
    {
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", Html, StringComparison.Ordinal);
        Assert.Matches("<title>FusionGuide report: case [^<]+</title>", Html);
        var headers = HeaderCell().Matches(Html);
        Assert.NotEmpty(headers);
        Assert.All(headers, h => Assert.Contains("scope=\"col\"", h.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Html_never_links_a_reference_url_that_is_not_a_web_address()
    {
        var hostile = new ReferenceList(new Dictionary<string, (string, string, string?)>
        {
            ["gainor-2016"] = ("Gainor-2016", "Cited <with> markup & more", "javascript:alert(1)"),
        });

        var html = HtmlRenderer.Render(Fixtures.G1202RAfterAlectinib(), hostile);

        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Cited &lt;with&gt; markup &amp; more", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_links_web_addresses_of_references()
    {
        Assert.Contains("<a href=\"https://www.nccn.org/guidelines\">", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_title_stays_short_for_a_long_case_id_while_the_heading_keeps_it_whole()
    {
        var caseId = "case-" + new string('x', 190) + "&<";
        var html = HtmlRenderer.Render(Fixtures.G1202RAfterAlectinib() with { CaseId = caseId });

        var title = Title().Match(html).Groups[1].Value;
        Assert.InRange(title.Length, 1, 70);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.Contains($"<h1>FusionGuide report: case {caseId.Replace("&<", "&amp;&lt;", StringComparison.Ordinal)}</h1>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex Title();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<li id=\"([^\"]+)\"")]
    private static partial Regex EntryId();

    [GeneratedRegex("<span class=\"badge badge-([a-z-]+)\">([^<]*)</span>")]
    private static partial Regex Badge();

    [GeneratedRegex("<th[ >][^>]*>?")]
    private static partial Regex HeaderCell();
}
