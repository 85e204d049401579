using System.Xml.Linq;

namespace FusionGuide.Cli.Tests;

/// <summary>
/// The README's dependency table (section "Layout": every project under <c>src/</c> and the projects it references) is
/// the project files' truth: a reference added, dropped or documented wrongly fails here with every difference named,
/// so the document and the code cannot drift apart.
/// </summary>
public sealed class DependencyTableTests
{
    private const string Prefix = "FusionGuide.";

    [Fact]
    public void The_README_dependency_table_lists_every_src_project_with_exactly_its_project_references()
    {
        var documented = ReadmeTable();
        var actual = ProjectFiles();

        var differences = new List<string>();
        foreach (var project in actual.Keys.Except(documented.Keys).Order(StringComparer.Ordinal))
        {
            differences.Add($"{project} is a project under src/ but has no row in the README's table");
        }

        foreach (var project in documented.Keys.Except(actual.Keys).Order(StringComparer.Ordinal))
        {
            differences.Add($"{project} has a row in the README's table but there is no src/{project}/{project}.csproj");
        }

        foreach (var project in documented.Keys.Intersect(actual.Keys).Order(StringComparer.Ordinal))
        {
            var (doc, code) = (documented[project], actual[project]);
            foreach (var missing in code.Except(doc).Order(StringComparer.Ordinal))
            {
                differences.Add($"{project} references {missing} in its .csproj; the README's table does not say so");
            }

            foreach (var extra in doc.Except(code).Order(StringComparer.Ordinal))
            {
                differences.Add($"the README's table says {project} references {extra}; its .csproj does not");
            }
        }

        Assert.True(differences.Count == 0, "README.md (Layout) and the project files disagree:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void The_table_is_found_and_names_the_core_projects()
    {
        var documented = ReadmeTable();

        // A guard on the parser: an empty or mis-read table would make the comparison above pass for the wrong reason.
        // Domain references only the build-time code-table generator (src/FusionGuide.CodeTables), nothing that ships.
        Assert.Equal([Prefix + "CodeTables"], documented[Prefix + "Domain"]);
        Assert.Contains(Prefix + "Domain", documented[Prefix + "Knowledge"]);
        Assert.True(documented.Count >= 8, $"only {documented.Count} rows were read from the README's dependency table");
    }

    /// <summary>The rows of the table headed <c>| project | references |</c>: project → the projects it references.</summary>
    private static Dictionary<string, HashSet<string>> ReadmeTable()
    {
        var lines = File.ReadAllLines(Path.Combine(Cli.Root, "README.md"));
        var header = Array.FindIndex(lines, l => Cells(l) is ["project", "references"]);
        Assert.True(header >= 0, "README.md has no table headed '| project | references |'");

        var table = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = Cells(line);
            Assert.True(cells.Length == 2, $"a row of the README's dependency table does not have two cells: {line}");
            var references = cells[1] is "—" or "-" or ""
                ? []
                : cells[1].Split(',', StringSplitOptions.TrimEntries).Select(Full);
            Assert.True(table.TryAdd(Full(cells[0]), [.. references]), $"the README's dependency table names {cells[0]} twice");
        }

        return table;
    }

    /// <summary>Every src/NAME/NAME.csproj: project → the projects its ProjectReference items name.</summary>
    private static Dictionary<string, HashSet<string>> ProjectFiles()
    {
        var projects = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(Cli.Root, "src")))
        {
            var name = Path.GetFileName(dir);
            var file = Path.Combine(dir, name + ".csproj");
            if (!File.Exists(file))
            {
                continue;
            }

            var references = XDocument.Load(file).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')));
            projects[name] = [.. references];
        }

        return projects;
    }

    private static string[] Cells(string line) =>
        line.StartsWith('|') ? [.. line.Trim().Trim('|').Split('|', StringSplitOptions.TrimEntries).Select(c => c.Trim('`'))] : [];

    // The table writes references by their short name ("Domain"), the project column in full or short.
    private static string Full(string name) => name.StartsWith(Prefix, StringComparison.Ordinal) ? name : Prefix + name;
}
