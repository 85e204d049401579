using FusionGuide.Domain;
using FusionGuide.Domain.Wire;
using FusionGuide.Knowledge;

namespace FusionGuide.Cli.Commands;

/// <summary>Human-readable renderings of a result (filled in by the Rendering project).</summary>
internal static class Rendered
{
    public static string Markdown(Result result, KnowledgeBase kb) => ContractJson.Serialize(result) + (kb is null ? "" : "");

    public static string Html(Result result, KnowledgeBase kb) => ContractJson.Serialize(result) + (kb is null ? "" : "");
}
