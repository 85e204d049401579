using System.Globalization;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Rendering;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Hosting;

namespace FusionGuide.Faults.Tests.Support;

/// <summary>One synthetic case as the load sends it, with what the server must answer, worked out in process.</summary>
/// <param name="Body">The request body: the case as compact contract JSON, UTF-8.</param>
/// <param name="Sha">SHA-256 of the body (what the server records and returns in <c>X-Case-Sha256</c>).</param>
/// <param name="Json">The in-process engine's result, compact JSON: the server's JSON answer and its audit record.</param>
/// <param name="Markdown">The in-process Markdown report: the server's answer to <c>Accept: text/markdown</c>.</param>
internal sealed record PooledCase(byte[] Body, string Sha, string Json, string Markdown);

/// <summary>A fixed pool of synthesised cases (<see cref="CaseSynthesizer"/>) and their expected answers.</summary>
internal static class CasePool
{
    /// <summary>Every request names this evaluation date, so the expected answers do not depend on the day.</summary>
    public const string AsOf = "2026-11-24";

    private static readonly Lazy<IReadOnlyList<PooledCase>> Shared = new(() => Make(seed: 20261124, count: 240));

    public static IReadOnlyList<PooledCase> Cases => Shared.Value;

    public static IReadOnlyList<PooledCase> Make(ulong seed, int count)
    {
        var kb = KnowledgeLoader.Embedded;
        var engine = new FusionEngine(kb);
        var references = ServerApp.References(kb);
        var date = DateOnly.ParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var synthesizer = new CaseSynthesizer(kb, seed);
        var pool = new List<PooledCase>(count);
        for (var i = 0; i < count; i++)
        {
            var body = System.Text.Encoding.UTF8.GetBytes(ContractJson.Serialize(synthesizer.Make(i), indented: false));
            // The same path the server takes: the validating reader, the engine, the contract serializer, the renderer (which
            // restates the case in its "Patient and findings" section).
            var read = CaseReader.Read(body);
            var result = engine.Evaluate(read.Case ?? throw new InvalidOperationException($"synthetic case {i} is invalid"), date, read.Notices);
            pool.Add(new PooledCase(body, AuditChain.Sha256(body), ContractJson.Serialize(result, indented: false), MarkdownRenderer.Render(result, references, read.Case)));
        }

        return pool;
    }
}
