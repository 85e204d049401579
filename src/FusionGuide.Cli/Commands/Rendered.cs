using FusionGuide.Domain;
using FusionGuide.Knowledge;
using FusionGuide.Rendering;

namespace FusionGuide.Cli.Commands;

/// <summary>Human-readable renderings of a result, with the knowledge base's reference list for citations.</summary>
internal static class Rendered
{
    public static string Markdown(Result result, KnowledgeBase kb) => MarkdownRenderer.Render(result, KnowledgeReferences.From(kb));

    public static string Html(Result result, KnowledgeBase kb) => HtmlRenderer.Render(result, KnowledgeReferences.From(kb));
}
