using System.Text;
using System.Text.Json;
using FusionGuide.Cohort.Batch;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Batch.Tests;

public sealed class BatchTests
{
    private static readonly FusionEngine Engine = new(KnowledgeLoader.Embedded);

    private static string Cohort(int n, ulong seed = 3)
    {
        using var ms = new MemoryStream();
        new CaseSynthesizer(KnowledgeLoader.Embedded, seed).WriteNdjson(ms, n);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static async Task<(string Output, BatchSummary Summary)> Run(string input, BatchOptions options, ICohortSink? sink = null)
    {
        using var inStream = new MemoryStream(Encoding.UTF8.GetBytes(input));
        using var outStream = new MemoryStream();
        var summary = await BatchRunner.RunAsync(inStream, outStream, Engine, options, sink, cancel: TestContext.Current.CancellationToken);
        return (Encoding.UTF8.GetString(outStream.ToArray()), summary);
    }

    [Fact]
    public async Task Output_keeps_input_order_with_several_workers_and_small_chunks()
    {
        var input = Cohort(600);
        var (output, summary) = await Run(input, new BatchOptions(Workers: 4, ChunkLines: 3, Window: 6));
        var ids = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("caseId").GetString()).ToList();
        var expected = input.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(expected, ids);
        Assert.Equal(600, summary.Cases);
        Assert.Equal(0, summary.Errors);
    }

    [Fact]
    public async Task Each_output_line_is_byte_for_byte_the_compact_result()
    {
        var input = Cohort(40);
        var (output, _) = await Run(input, new BatchOptions(Workers: 2));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var cases = input.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < cases.Length; i++)
        {
            var read = CaseReader.Read(cases[i]);
            Assert.Equal(ContractJson.Serialize(Engine.Evaluate(read.Case!, null, read.Notices), indented: false), lines[i]);
        }
    }

    [Fact]
    public async Task A_bad_line_yields_a_problem_line_and_the_batch_goes_on()
    {
        var good = Cohort(5).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var input = string.Join('\n', good[0], good[1], """{"id":"x","tests":[{"gene":"ALK","method":"fish","percentRearrangedCells":140}]}""", "not json", "", good[2], good[3]) + "\r\n";
        var (output, summary) = await Run(input, new BatchOptions(Workers: 2, ChunkLines: 2));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        using var bad = JsonDocument.Parse(lines[2]);
        Assert.Equal(3, bad.RootElement.GetProperty("line").GetInt64());
        Assert.Equal("$.tests[0].percentRearrangedCells", bad.RootElement.GetProperty("problems")[0].GetProperty("path").GetString());
        Assert.Equal(4, JsonDocument.Parse(lines[3]).RootElement.GetProperty("line").GetInt64());
        Assert.Equal(JsonDocument.Parse(good[2]).RootElement.GetProperty("id").GetString(), JsonDocument.Parse(lines[4]).RootElement.GetProperty("caseId").GetString());
        Assert.Equal(6, summary.Cases);
        Assert.Equal(2, summary.Errors);
    }

    [Fact]
    public async Task An_empty_input_gives_an_empty_output()
    {
        var (output, summary) = await Run("", new BatchOptions(Workers: 2));
        Assert.Equal("", output);
        Assert.Equal(0, summary.Cases);
    }

    [Fact]
    public void Batch_command_exits_0_with_bad_lines_and_2_for_a_missing_input()
    {
        var input = Path.Combine(Path.GetTempPath(), $"fg-batch-{Guid.NewGuid():N}.ndjson");
        var output = input + ".out";
        File.WriteAllText(input, Cohort(20) + "{\"id\": 3}\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, Cli.Dispatcher.Run(["batch", input, "-o", output, "--workers", "2"], Stream.Null, stdout, stderr));
        Assert.Equal(21, File.ReadAllLines(output).Length);
        Assert.Contains("21 cases, 1 errors", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, Cli.Dispatcher.Run(["batch", input + ".missing"], Stream.Null, stdout, stderr));
        Assert.Equal(2, Cli.Dispatcher.Run(["batch", input, "--workers", "0"], Stream.Null, stdout, stderr));
    }
}
