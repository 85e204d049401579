using System.Reflection;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// The systemic rules keep their ids beside their code (docs/architecture.md, "Systemic rules"): a newcomer who reads an
/// id in a trace finds the rule in one search, and the start-up catalogue check still knows every id.
/// </summary>
public sealed class RuleLayoutTests
{
    private static readonly string[] SystemicIdConstants =
    [
        .. typeof(FusionEngine).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("FusionGuide.Engine.Systemic", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.StartsWith("SYS-", StringComparison.Ordinal))
            .Distinct(),
    ];

    [Fact]
    public void Every_systemic_rule_id_declared_beside_its_rule_is_checked_against_the_catalogue()
    {
        Assert.NotEmpty(SystemicIdConstants);
        Assert.Empty(SystemicIdConstants.Except(RuleIds.All));
        Assert.Empty(RuleIds.All.Where(id => id.StartsWith("SYS-", StringComparison.Ordinal)).Except(SystemicIdConstants));
    }

    [Fact]
    public void Rule_ids_in_the_catalogue_list_are_unique()
    {
        Assert.Equal(RuleIds.All.Count, RuleIds.All.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Each_systemic_rule_id_is_written_in_exactly_one_engine_source_file()
    {
        var src = Path.Combine(Repo.Knowledge, "..", "src", "FusionGuide.Engine");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

        foreach (var id in SystemicIdConstants)
        {
            Assert.True(files.Count(text => text.Contains($"\"{id}\"", StringComparison.Ordinal)) == 1, $"{id} should be written in exactly one file");
        }
    }

    [Fact]
    public void Every_other_rule_id_is_written_where_its_trace_entry_is_fired()
    {
        // Diagnosis, setting, local and safety rules keep their constants in Pipeline/RuleIds.cs; a comment at the
        // place that fires each one names the id, so one search for a trace id finds the rule's code.
        var src = Path.Combine(Repo.Knowledge, "..", "src", "FusionGuide.Engine");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(Path.Combine("Pipeline", "RuleIds.cs"), StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

        var lost = RuleIds.All.Where(id => !files.Any(text => text.Contains(id, StringComparison.Ordinal))).ToList();
        Assert.True(lost.Count == 0, $"no engine file outside RuleIds.cs names {string.Join(", ", lost)}");
    }
}
