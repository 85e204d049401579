namespace FusionGuide.Rendering.Tests;

/// <summary>Both output formats behind one switch, for behaviour both must share.</summary>
internal static class Render
{
    public const string Markdown = "markdown";
    public const string Html = "html";

    public static string As(string format, Result result, ReferenceList? refs = null, Case? input = null) => format switch
    {
        Markdown => MarkdownRenderer.Render(result, refs, input),
        Html => HtmlRenderer.Render(result, refs, input),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
    };

    /// <summary>Every reference id the result cites, anywhere.</summary>
    public static IEnumerable<string> CitedIds(Result r) => FusionGuide.Testing.ResultCitations.CitedIds(r);
}
