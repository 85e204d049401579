using System.Text;
using CsCheck;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Testing;

namespace FusionGuide.Properties.Tests;

/// <summary>
/// The case reader's fast path (<c>OptimisticReading</c>, issue #19) changes nothing: on generated cases, on generated
/// cases with hostile edits, on the shared hostile documents and on every fuzz seed and regression,
/// <see cref="CaseReader.Read(ReadOnlyMemory{byte})"/> gives what the strict reading alone gives — the same case, the
/// same problems and the same notices, in the same order.
/// </summary>
public sealed class ReaderPathsAgreeTests
{
    /// <summary>Generated documents per run (a third unedited, the rest with one to four edits).</summary>
    public const int Documents = 3_000;

    [Fact]
    public void Both_readings_agree_on_generated_cases_with_and_without_hostile_edits()
    {
        long documents = 0;
        long fast = 0;
        Gen.Select(Gen.ULong[0, 1_000_000], Gen.Long[0, 1_000_000], DocumentEdit.Gen.Array[0, 4])
            .Sample(
                (seed, index, edits) =>
                {
                    Interlocked.Increment(ref documents);
                    var bytes = Document(seed, index, edits);
                    var (answered, strict) = AssertBothReadingsAgree(bytes);
                    if (answered)
                    {
                        Interlocked.Increment(ref fast);
                    }

                    // An unedited generated case is valid and holds only contract fields: unless it has a notice (an
                    // alteration outside the contract's list), the fast path must answer it.
                    Assert.True(edits.Length > 0 || strict.Notices.Count > 0 || answered, "the fast path did not answer a clean generated case");
                },
                iter: Documents,
                print: t => Encoding.UTF8.GetString(Document(t.Item1, t.Item2, t.Item3)));
        Assert.True(fast > 0, "the fast path answered no document: the comparison proved nothing");
        CaseCount.Report(nameof(Both_readings_agree_on_generated_cases_with_and_without_hostile_edits), documents, Documents);
    }

    public static TheoryData<string> Hostile => HostileDocuments.Names;

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Both_readings_agree_on_a_hostile_document(string name) => AssertBothReadingsAgree(HostileDocuments.All[name]);

    public static TheoryData<string> FuzzInputs()
    {
        var fuzz = Path.Combine(World.Root, "fuzz");
        return new(new[] { "corpus", "regressions" }
            .Select(folder => Path.Combine(fuzz, folder, "case"))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Select(file => Path.GetRelativePath(fuzz, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FuzzInputs))]
    public void Both_readings_agree_on_a_fuzz_seed_or_regression(string file) =>
        AssertBothReadingsAgree(File.ReadAllBytes(Path.Combine(World.Root, "fuzz", file)));

    /// <summary>Asserts that the reader's answer is the strict reading's; whether the fast path gave it, and the strict reading.</summary>
    private static (bool Answered, ReadOutcome Strict) AssertBothReadingsAgree(byte[] document)
    {
        var strict = CaseReader.ReadStrictly(document);
        Assert.Equal(Describe(strict), Describe(CaseReader.Read(document)));
        if (OptimisticReading.TryRead(document) is not { } fast)
        {
            return (false, strict);
        }

        Assert.Equal(Describe(strict), Describe(fast));
        return (true, strict);
    }

    private static byte[] Document(ulong seed, long index, DocumentEdit[] edits) =>
        Encoding.UTF8.GetBytes(DocumentEdit.Apply(ContractJson.Serialize(new CaseSynthesizer(World.Kb, seed).Make(index), indented: false), edits));

    private static string Describe(ReadOutcome o) => string.Join("\n",
        [
            o.Case is null ? "no case" : ContractJson.Serialize(o.Case, indented: false),
            .. o.Problems.Select(p => $"problem {p.Path}: {p.Message}"),
            .. o.Notices.Select(n => $"notice {n.Code} {n.Path}: {n.Message}"),
        ]);
}
