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
        var a = ParsedArguments.Parse(args, CommandTable.KbDiff);
        if (a.Positional.Count > 0)
        {
            a.Usage($"kb diff takes no positional argument ('{a.Positional[0]}')");
        }

        if (a.Option("--old") is null || a.Option("--new") is null)
        {
            a.Usage("kb diff needs --old DIR and --new DIR");
        }

        var asOf = a.AsOf();
        if (a.Problems.Count > 0)
        {
            return Dispatcher.Problems(stderr, a.Problems);
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

        var older = WithCurrentRuleCatalogue(oldDir, newDir, before, after, stdout);
        if (older.KnowledgeBase is null || FusionEngine.MissingRequirements(older.KnowledgeBase).Count > 0)
        {
            var missing = older.KnowledgeBase is null ? [] : FusionEngine.MissingRequirements(older.KnowledgeBase);
            return Dispatcher.Problems(stderr, [.. older.Problems.Select(p => new Problem($"--old {p.File}", $"{p.Code} {p.Message}")),
                .. missing.Select(m => new Problem("--old", $"the current engine cannot evaluate this release: it lacks {m}"))]);
        }

        var impact = CohortImpact.Run(File.ReadLines(cohort), new FusionEngine(older.KnowledgeBase), new FusionEngine(after.KnowledgeBase), asOf);
        stdout.WriteLine();
        stdout.WriteLine($"cohort {cohort}: {impact.Cases} case(s), {impact.Invalid} invalid (skipped), {impact.Changed.Count} change(s) in first choice, avoid list or warnings{(asOf is null ? " (each release at its own release date)" : $" (both as of {asOf:yyyy-MM-dd})")}");
        foreach (var c in impact.Changed)
        {
            stdout.WriteLine($"  line {c.Line} {c.CaseId ?? "(no id)"}: {string.Join("; ", c.Changes)}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The rule catalogue describes the engine, not clinical facts: an older release lacks the entries of rules added
    /// since, and the current engine refuses a base without them. For the cohort run the older release borrows those
    /// entries (and the references they cite) from the newer one, and says so; its clinical facts stay its own.
    /// </summary>
    private static LoadResult WithCurrentRuleCatalogue(string oldDir, string newDir, LoadResult before, LoadResult after, TextWriter stdout)
    {
        var missing = FusionEngine.MissingRequirements(before.KnowledgeBase!);
        const string Entry = "rule catalogue entry ";
        if (missing.Count == 0 || !missing.All(m => m.StartsWith(Entry, StringComparison.Ordinal)))
        {
            return before;
        }

        var ids = missing.Select(m => m[Entry.Length..]).ToList();
        var added = ids.Select(id => $"rules/{id}.json").ToList();
        var cited = ids.Select(id => after.KnowledgeBase!.Rule(id)).OfType<Knowledge.Model.RuleInfo>()
            .SelectMany(r => r.Provenance.Sources).Distinct(StringComparer.Ordinal)
            .Where(r => before.KnowledgeBase!.Reference(r) is null)
            .Select(r => $"references/{r}.json");
        added.AddRange(cited);
        var files = Directory.EnumerateFiles(oldDir, "*.json", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(oldDir, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .Concat(added.Where(f => File.Exists(Path.Combine(newDir, f))).Select(f => (f, File.ReadAllBytes(Path.Combine(newDir, f)))))
            .OrderBy(f => f.Item1, StringComparer.Ordinal);
        stdout.WriteLine($"(the earlier release lacks the catalogue entries of {ids.Count} newer engine rule(s): {string.Join(", ", ids)}; the cohort run borrows them from the newer release)");
        return KnowledgeLoader.Load(files);
    }
}
