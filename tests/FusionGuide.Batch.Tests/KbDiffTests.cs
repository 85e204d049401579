using System.Text.Json.Nodes;
using FusionGuide.Cohort.Impact;

namespace FusionGuide.Batch.Tests;

public sealed class KbDiffTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "FusionGuide.slnx")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }

    /// <summary>A copy of knowledge/ in which the 2025 ALK first-line table no longer prefers alectinib.</summary>
    private static string ChangedCopy()
    {
        var source = Path.Combine(Root(), "knowledge");
        var copy = Directory.CreateTempSubdirectory("fg-kb-diff-").FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var table = Path.Combine(copy, "regimens", "nccn-alk-first-line-2025.json");
        var json = JsonNode.Parse(File.ReadAllText(table))!;
        foreach (var entry in json["entries"]!.AsArray())
        {
            if ((string?)entry!["therapy"] == "alectinib")
            {
                entry["preference"] = "other-recommended";
            }
        }

        File.WriteAllText(table, json.ToJsonString());
        return copy;
    }

    [Fact]
    public void Diff_names_the_changed_record_and_field()
    {
        var changes = KnowledgeDiff.Compare(Path.Combine(Root(), "knowledge"), ChangedCopy());
        var change = Assert.Single(changes);
        Assert.Equal("regimens/nccn-alk-first-line-2025", change.Id);
        Assert.Equal("changed", change.Kind);
        var field = Assert.Single(change.Fields);
        Assert.Equal("entries[therapy=alectinib].preference", field.Path);
        Assert.Equal("\"preferred\"", field.Old);
        Assert.Equal("\"other-recommended\"", field.New);
    }

    [Fact]
    public void Kb_diff_with_a_cohort_lists_the_cases_whose_first_choice_changes()
    {
        var copy = ChangedCopy();
        var cohort = Path.Combine(copy, "..", $"fg-cohort-{Guid.NewGuid():N}.ndjson");
        File.WriteAllText(cohort, File.ReadAllText(Path.Combine(Root(), "examples", "alk-first-line.json")).ReplaceLineEndings("") + "\n"
            + File.ReadAllText(Path.Combine(Root(), "examples", "alk-g1202r-after-alectinib.json")).ReplaceLineEndings("") + "\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Dispatcher.Run(["kb", "diff", "--old", Path.Combine(Root(), "knowledge"), "--new", copy, "--cohort", cohort], Stream.Null, stdout, stderr);
        Assert.Equal(0, code);
        var text = stdout.ToString();
        Assert.Contains("entries[therapy=alectinib].preference: \"preferred\" → \"other-recommended\"", text, StringComparison.Ordinal);
        Assert.Contains("2 case(s), 0 invalid (skipped), 1 change(s)", text, StringComparison.Ordinal);
        Assert.Contains("line 1 ", text, StringComparison.Ordinal);
        Assert.Contains("first choice alectinib → ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Kb_diff_cohort_against_an_older_release_borrows_only_the_newer_engine_rules_catalogue_entries()
    {
        // An older release predates an engine rule: its catalogue lacks the entry the current engine needs.
        var older = ChangedCopy();
        var rule = Directory.EnumerateFiles(Path.Combine(older, "rules"), "*.json").First();
        File.Delete(rule);
        var cohort = Path.Combine(older, "..", $"fg-cohort-{Guid.NewGuid():N}.ndjson");
        File.WriteAllText(cohort, File.ReadAllText(Path.Combine(Root(), "examples", "alk-first-line.json")).ReplaceLineEndings("") + "\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Dispatcher.Run(["kb", "diff", "--old", older, "--new", Path.Combine(Root(), "knowledge"), "--cohort", cohort], Stream.Null, stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        var text = stdout.ToString();
        Assert.Contains($"the cohort run borrows them from the newer release", text, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileNameWithoutExtension(rule), text, StringComparison.Ordinal);
        Assert.Contains("1 case(s), 0 invalid (skipped), 1 change(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Kb_diff_without_folders_is_a_usage_error()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, Cli.Dispatcher.Run(["kb", "diff", "--old", Root()], Stream.Null, stdout, stderr));
    }
}
