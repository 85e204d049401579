using FusionGuide.Domain;
using FusionGuide.Knowledge;
using FusionGuide.Rendering;

namespace FusionGuide.Cli.Commands;

/// <summary>Human-readable renderings of a result, with the knowledge base's reference list for citations.</summary>
internal static class Rendered
{
    public static string Markdown(Result result, KnowledgeBase kb) => MarkdownRenderer.Render(result, References(kb));

    public static string Html(Result result, KnowledgeBase kb) => HtmlRenderer.Render(result, References(kb));

    /// <summary>Maps the knowledge base's reference list into the renderer's (Rendering knows nothing of Knowledge).</summary>
    public static ReferenceList References(KnowledgeBase kb) =>
        new(kb.References.ToDictionary(r => r.Id, r => (r.ShortName ?? r.Id, r.Citation, r.Url), StringComparer.Ordinal));
}
