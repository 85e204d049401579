using System.Text.Json;
using Json.Schema;

namespace FusionGuide.Cli.Tests;

/// <summary>Runs the CLI in process and captures what it writes.</summary>
internal static class Cli
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Dispatcher.Run(args, Stream.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the CLI with <paramref name="stdin"/> (UTF-8) as its standard input.</summary>
    public static (int Code, string Out, string Err) RunWithInput(string stdin, params string[] args)
    {
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Dispatcher.Run(args, input, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string Root { get; } = FindRoot();

    /// <summary>The contract's schemas: the repository's copy in docs/schema/, else shared/contract beside the repository.</summary>
    public static string Contract { get; } = File.Exists(Path.Combine(Root, "docs", "schema", "result.schema.json"))
        ? Path.Combine(Root, "docs", "schema")
        : Path.Combine(Root, "..", "shared", "contract");

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    public static string TempCase(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fg-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    public static JsonSchema ResultSchema { get; } = JsonSchema.FromText(File.ReadAllText(Path.Combine(Contract, "result.schema.json")));

    public static void AssertSchemaValid(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var eval = ResultSchema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(eval.IsValid, string.Join("; ", (eval.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FusionGuide.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FusionGuide.slnx not found");
    }
}
