using FusionGuide.Domain.Validation;
using FusionGuide.Engine;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Cli.Commands;

/// <summary>
/// The knowledge base a command evaluates with: the released folder named by <c>--knowledge DIR</c> (else the
/// <c>FUSIONGUIDE_KNOWLEDGE</c> variable), loaded and validated in full as <c>kb validate DIR</c> does, or the release
/// embedded in the program. A folder with any problem is refused (each problem is listed, exit 2), never used in part.
/// </summary>
internal static class KnowledgeChoice
{
    /// <summary>The environment variable naming a knowledge folder when <c>--knowledge</c> is not given.</summary>
    public const string Variable = "FUSIONGUIDE_KNOWLEDGE";

    /// <summary>The knowledge base to use; null when the named folder is refused (its problems added to <paramref name="a"/>).</summary>
    public static KnowledgeBase? Load(ParsedArguments a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var dir = a.Option("--knowledge") ?? (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v ? v : null);
        if (dir is null)
        {
            return KnowledgeLoader.Embedded;
        }

        var load = KnowledgeLoader.LoadDirectory(dir);
        var problems = KnowledgeRelease.Problems(load);
        a.Problems.AddRange(problems.Select(p => new Problem("--knowledge", $"{dir}: {p.Path}: {p.Message}")));
        return problems.Count == 0 ? load.KnowledgeBase : null;
    }
}
