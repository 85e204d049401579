using FusionGuide.Cohort.Impact;
using FusionGuide.Domain.Validation;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Cli.Commands;

/// <summary>
/// <c>kb diff --old DIR --new DIR [--cohort INPUT.ndjson] [--as-of DATE]</c>: the facts that changed between two
/// knowledge folders and, with a cohort, the cases whose first choice, avoid list or warnings change.
/// </summary>
internal static class KbDiffCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = Arguments.Parse(args, ["--old", "--new", "--cohort", "--as-of"], []);
        if (a.Positional.Count > 0)
        {
            a.Problems.Add($"kb diff takes no positional argument ('{a.Positional[0]}')");
        }

        if (a.Option("--old") is null || a.Option("--new") is null)
        {
            a.Problems.Add("kb diff needs --old DIR and --new DIR");
        }

        var asOf = Options.Date(a, "--as-of");
        if (a.Problems.Count > 0)
        {
            return Dispatcher.UsageError(stderr, a.Problems);
        }

        var (oldDir, newDir) = (a.Option("--old")!, a.Option("--new")!);
        var before = KnowledgeLoader.LoadDirectory(oldDir);
        var after = KnowledgeLoader.LoadDirectory(newDir);
        var problems = before.Problems.Select(p => new Problem($"--old {p.File}", $"{p.Code} {p.Message}"))
            .Concat(after.Problems.Select(p => new Problem($"--new {p.File}", $"{p.Code} {p.Message}"))).ToList();
        var cohort = a.Option("--cohort");
        if (cohort is not null && !File.Exists(cohort))
        {
            problems.Add(new Problem("--cohort", $"cannot read '{cohort}': no such file"));
        }

        if (problems.Count > 0)
        {
            return Dispatcher.Problems(stderr, problems);
        }

        var changes = KnowledgeDiff.Compare(oldDir, newDir);
        stdout.WriteLine($"knowledge base {before.KnowledgeBase!.Version} ({oldDir}) → {after.KnowledgeBase!.Version} ({newDir}): {changes.Count} record(s) differ");
        foreach (var c in changes)
        {
            stdout.WriteLine($"  {c.Kind,-8} {c.Id}");
            foreach (var f in c.Fields)
            {
                stdout.WriteLine($"             {f.Path}: {f.Old ?? "(absent)"} → {f.New ?? "(absent)"}");
            }
        }

        if (cohort is null)
        {
            return ExitCodes.Ok;
        }

        var impact = CohortImpact.Run(File.ReadLines(cohort), new FusionEngine(before.KnowledgeBase), new FusionEngine(after.KnowledgeBase), asOf);
        stdout.WriteLine();
        stdout.WriteLine($"cohort {cohort}: {impact.Cases} case(s), {impact.Invalid} invalid (skipped), {impact.Changed.Count} change(s) in first choice, avoid list or warnings{(asOf is null ? " (each release at its own release date)" : $" (both as of {asOf:yyyy-MM-dd})")}");
        foreach (var c in impact.Changed)
        {
            stdout.WriteLine($"  line {c.Line} {c.CaseId ?? "(no id)"}: {string.Join("; ", c.Changes)}");
        }

        return ExitCodes.Ok;
    }
}
