using System.Text.Json;
using Deque.AxeCore.Commons;
using OpenQA.Selenium;

namespace FusionGuide.Server.Tests.Support;

/// <summary>
/// Runs axe-core (Deque's engine, the copy bundled in the Deque.AxeCore.Commons package) on the page a browser shows,
/// against WCAG 2.1 A and AA and axe's best practices, and returns each violation with the elements it names.
/// </summary>
internal static class Axe
{
    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>One rule broken, and where (CSS selectors of the offending elements, with axe's summary of each).</summary>
    public sealed record Violation(string Rule, string Impact, string Help, IReadOnlyList<string> Nodes)
    {
        public override string ToString() => $"{Rule} ({Impact}): {Help}\n    {string.Join("\n    ", Nodes)}";
    }

    public static IReadOnlyList<Violation> Run(IWebDriver driver)
    {
        var js = (IJavaScriptExecutor)driver;
        js.ExecuteScript(Script.Value);
        const string run = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })
              .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({ error: String(e) })));
            """;
        var json = js.ExecuteAsyncScript(run) as string ?? throw new InvalidOperationException("axe-core returned nothing");
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind == JsonValueKind.Object)
        {
            throw new InvalidOperationException($"axe-core did not run: {doc.RootElement.GetProperty("error").GetString()}");
        }

        return [.. doc.RootElement.EnumerateArray().Select(v => new Violation(
            v.GetProperty("id").GetString()!,
            v.TryGetProperty("impact", out var impact) && impact.ValueKind == JsonValueKind.String ? impact.GetString()! : "",
            v.GetProperty("help").GetString()!,
            [.. v.GetProperty("nodes").EnumerateArray().Select(n =>
                $"{string.Join(" ", n.GetProperty("target").EnumerateArray().Select(t => t.ToString()))}: {(n.TryGetProperty("failureSummary", out var f) ? f.GetString()?.ReplaceLineEndings(" ") : "")}")]))];
    }
}
