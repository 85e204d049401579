using FusionGuide.Testing;

namespace FusionGuide.Fuzz.Tests;

/// <summary>
/// Replays every seed (fuzz/corpus/) and every input fuzzing ever found (fuzz/regressions/) through the fuzz target
/// that reads it: a case or a list of problems, never an exception. fuzz/run.sh copies each new crash into
/// fuzz/regressions/, so a crash found once stays a test. The hostile documents every front door is tested with
/// (<see cref="HostileDocuments"/>, too large or too deep for a seed file) go through the case targets as well.
/// </summary>
public sealed class ReplayTests
{
    private static readonly string FuzzDirectory = FindFuzzDirectory();

    public static TheoryData<string, string> Inputs() => new(Files());

    private static IEnumerable<(string Target, string File)> Files()
    {
        foreach (var target in FuzzTargets.All)
        {
            foreach (var folder in new[] { "corpus", "regressions" })
            {
                var dir = Path.Combine(FuzzDirectory, folder, target.Corpus);
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
                {
                    yield return (target.Name, Path.GetRelativePath(FuzzDirectory, file).Replace('\\', '/'));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_seed_and_regression_input_gives_a_case_or_problems_and_never_an_exception(string target, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(FuzzDirectory, file));

        var thrown = Record.Exception(() => FuzzTargets.Find(target)!.Run(input));

        Assert.Null(thrown);
    }

    public static TheoryData<string, string> HostileInputs() =>
        new(FuzzTargets.All.Where(t => t.Corpus == "case").SelectMany(t => HostileDocuments.All.Keys.Select(name => (t.Name, name))));

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Every_shared_hostile_document_gives_problems_and_never_an_exception(string target, string name)
    {
        var thrown = Record.Exception(() => FuzzTargets.Find(target)!.Run(HostileDocuments.All[name]));

        Assert.Null(thrown);
    }

    [Fact]
    public void Every_target_has_seeds_and_the_fhir_target_has_its_regressions()
    {
        var inputs = Files().ToList();

        Assert.All(FuzzTargets.All, t => Assert.Contains(inputs, i => i.Target == t.Name && i.File.StartsWith("corpus/", StringComparison.Ordinal)));
        Assert.Contains(inputs, i => i.Target == "fhir" && i.File == "regressions/fhir/sdk-empty-property-name.json");
        Assert.Contains(inputs, i => i.Target == "reader" && i.File.StartsWith("regressions/case/", StringComparison.Ordinal));
    }

    private static string FindFuzzDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FusionGuide.slnx")))
            {
                return Path.Combine(dir.FullName, "fuzz");
            }
        }

        throw new DirectoryNotFoundException("FusionGuide.slnx was not found above the test binary");
    }
}
