using FusionGuide.Domain;
using FusionGuide.Knowledge;
using FusionGuide.Rendering;

namespace FusionGuide.Cli.Commands;

/// <summary>Human-readable renderings of a result, with the knowledge base's reference list for citations.</summary>
internal static class Rendered
{
    // The case is passed so that the report restates it ("Patient and findings") and stands on its own.
    public static string Markdown(Result result, KnowledgeBase kb, Case input) => MarkdownRenderer.Render(result, KnowledgeReferences.From(kb), input);

    public static string Html(Result result, KnowledgeBase kb, Case input) => HtmlRenderer.Render(result, KnowledgeReferences.From(kb), input);
}
