using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Batch.Tests;

/// <summary>
/// Optimisations must not change a single byte of any result. The cohort (3,000 synthetic cases, seed 20261124,
/// stored in Golden/ so later changes to the generator cannot move it) is evaluated and serialised compactly; every
/// fourth case is evaluated on 2024-03-01 to exercise dated tables. When a deliberate clinical, knowledge or trace
/// change moves the hash, re-baseline it here and add the reason (and, where measured, how many answers changed) to
/// GOLDEN-HISTORY.md beside this file, which keeps every re-baseline since the first.
/// </summary>
public sealed class GoldenTests
{
    internal const string ExpectedSha256 = "fb931793ea83af081cde64953349cf8234cde4a682f169dd4a895e3ceefd2b07";

    public static string Compute() => Compute(KnowledgeLoader.Embedded);

    /// <summary>The hash of the cohort's results with the given knowledge base (the embedded one by default).</summary>
    public static string Compute(Knowledge.KnowledgeBase kb)
    {
        var engine = new FusionEngine(kb);
        using var gz = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Golden", "cases.ndjson.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var i = 0;
        while (reader.ReadLine() is { } line)
        {
            var read = CaseReader.Read(line);
            Assert.True(read.IsValid);
            DateOnly? asOf = i % 4 == 0 ? new DateOnly(2024, 3, 1) : null;
            var result = engine.Evaluate(read.Case!, asOf, read.Notices);
            sha.AppendData(Encoding.UTF8.GetBytes(ContractJson.Serialize(result, indented: false)));
            sha.AppendData("\n"u8);
            i++;
        }

        Assert.Equal(3000, i);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    [Fact]
    public void Results_of_the_golden_cohort_are_unchanged_byte_for_byte()
    {
        var actual = Compute();
        Assert.True(ExpectedSha256 == actual, $"golden hash {actual}");
    }
}
