namespace FusionGuide.Cli.Tests;

public sealed class KbCommandTests
{
    [Fact]
    public void Kb_validate_passes_and_lists_counts()
    {
        var (code, stdout, _) = Cli.Run("kb", "validate");
        Assert.Equal(0, code);
        Assert.Contains("is valid", stdout, StringComparison.Ordinal);
        Assert.Contains("drugs", stdout, StringComparison.Ordinal);
        Assert.Contains("resistance cells", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Kb_audit_json_counts_every_fact_by_status_and_folder()
    {
        var (code, stdout, _) = Cli.Run("kb", "audit", "--json");
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var facts = root.GetProperty("facts").GetInt32();
        Assert.True(facts > 1000);
        Assert.Equal(facts, root.GetProperty("verified").GetInt32() + root.GetProperty("secondary").GetInt32() + root.GetProperty("unverified").GetInt32());
        var byFolder = root.GetProperty("byFolder").EnumerateObject().Sum(f => f.Value.GetProperty("facts").GetInt32());
        Assert.Equal(facts, byFolder);
        Assert.Equal(root.GetProperty("unverified").GetInt32(), root.GetProperty("unverifiedFacts").GetArrayLength());
        Assert.All(root.GetProperty("unverifiedFacts").EnumerateArray(), f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("searched").GetString())));
    }

    [Fact]
    public void Kb_audit_cohort_measures_the_share_of_answers_with_the_unverified_warning_and_names_every_fact_behind_it()
    {
        var (code, stdout, _) = Cli.Run("kb", "audit", "--json", "--cohort", "300", "--seed", "7");
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var cohort = doc.RootElement.GetProperty("cohort");
        Assert.Equal(300, cohort.GetProperty("cases").GetInt32());
        Assert.Equal(7, cohort.GetProperty("seed").GetInt32());

        // The same cases through the engine: the warning count and every fact the trace names agree with the audit.
        var engine = new FusionGuide.Engine.FusionEngine(FusionGuide.Knowledge.Loading.KnowledgeLoader.Embedded);
        var results = new FusionGuide.Cohort.Synthesis.CaseSynthesizer(engine.KnowledgeBase, 7).Cases(300).Select(c => engine.Evaluate(c)).ToList();
        var warned = results.Count(r => r.Warnings.Any(w => w.Code == "unverified-knowledge"));
        Assert.Equal(warned, cohort.GetProperty("withUnverifiedWarning").GetInt32());
        Assert.Equal(Math.Round(warned / 300.0, 4), cohort.GetProperty("share").GetDouble());

        var facts = cohort.GetProperty("facts").EnumerateArray().ToList();
        Assert.NotEmpty(facts);
        Assert.True(facts.Zip(facts.Skip(1)).All(p => p.First.GetProperty("results").GetInt32() >= p.Second.GetProperty("results").GetInt32()), "most results first");
        var unverifiedIds = doc.RootElement.GetProperty("unverifiedFacts").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToHashSet();
        foreach (var f in facts)
        {
            var id = f.GetProperty("id").GetString()!;
            // Every fact behind the warning is one kb audit lists as unverified, under the same id.
            Assert.Contains(id, unverifiedIds);
            var usedBy = results.Count(r => r.Trace.Any(t => t.Rule == "KB-UNVERIFIED-001" && UnverifiedIds(t.Detail).Contains(id)));
            Assert.Equal(usedBy, f.GetProperty("results").GetInt32());
        }

        var (_, text, _) = Cli.Run("kb", "audit", "--cohort", "300", "--seed", "7");
        Assert.Contains($"synthetic cohort: 300 cases (seed 7)", text, StringComparison.Ordinal);
        Assert.Contains("carry the unverified-knowledge warning (target: at most 10", text, StringComparison.Ordinal);
    }

    // "3 unverified fact(s) used: a; b; c. What each lacks …": the ids the trace entry names.
    private static HashSet<string> UnverifiedIds(string detail) =>
        [.. detail[(detail.IndexOf(": ", StringComparison.Ordinal) + 2)..detail.IndexOf(". What each lacks", StringComparison.Ordinal)].Split("; ")];

    [Fact]
    public void Kb_audit_cohort_refuses_a_cohort_of_no_cases()
    {
        var (code, _, stderr) = Cli.Run("kb", "audit", "--cohort", "0");
        Assert.Equal(2, code);
        Assert.Contains("--cohort", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Kb_audit_counts_disputed_facts_in_text_json_and_the_review_sheet()
    {
        var (code, stdout, _) = Cli.Run("kb", "audit", "--json");
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var disputed = root.GetProperty("disputed").GetInt32();
        Assert.True(disputed > 0);
        Assert.Equal(disputed, root.GetProperty("byFolder").EnumerateObject().Sum(f => f.Value.GetProperty("disputed").GetInt32()));
        Assert.Equal(disputed, root.GetProperty("disputedFacts").GetArrayLength());
        Assert.All(root.GetProperty("disputedFacts").EnumerateArray(), f =>
        {
            var positions = f.GetProperty("positions");
            Assert.True(positions.GetArrayLength() >= 2);
            Assert.All(positions.EnumerateArray(), p => Assert.StartsWith("http", p.GetProperty("evidence")[0].GetProperty("url").GetString(), StringComparison.Ordinal));
        });

        var (_, text, _) = Cli.Run("kb", "audit");
        Assert.Contains($"; {disputed} disputed (sources disagree)", text, StringComparison.Ordinal);
        Assert.Contains("sources disagree: I1171T/N/S", text, StringComparison.Ordinal);

        var file = Path.Combine(Directory.CreateTempSubdirectory("fg-audit-").FullName, "review.html");
        Assert.Equal(0, Cli.Run("kb", "audit", "--html", file).Item1);
        var html = File.ReadAllText(file);
        Assert.Contains("<tr class=\"disputed\">", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Position 2:</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Kb_audit_html_is_a_review_sheet_grouped_by_drug_with_evidence_links_and_no_script()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("fg-audit-").FullName, "review.html");
        var (code, stdout, _) = Cli.Run("kb", "audit", "--html", file);
        Assert.Equal(0, code);
        Assert.Contains("unverified facts", stdout, StringComparison.Ordinal);
        var html = File.ReadAllText(file);
        Assert.Contains("<h2 id=\"lorlatinib\">Lorlatinib</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://", html, StringComparison.Ordinal);
        Assert.Contains("Reviewed by, date", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Kb_validate_of_a_broken_folder_exits_2_with_coded_problems()
    {
        var dir = Directory.CreateTempSubdirectory("fg-kb-").FullName;
        File.WriteAllText(Path.Combine(dir, "manifest.json"), """{"version":"x","releaseDate":"2026-11-24","contractVersion":1}""");
        var (code, _, stderr) = Cli.Run("kb", "validate", dir);
        Assert.Equal(2, code);
        Assert.Contains("KB010", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Kb_validate_checks_the_medication_code_table_against_the_interaction_classes()
    {
        // Rifabutin is a strong CYP3A inducer in interactions/classes; a table that still files it as moderate would make
        // the FHIR reader refuse the whole table at its first medication: kb validate says so before release.
        using var temp = new FusionGuide.Testing.TempDir();
        var dir = FusionGuide.Testing.KnowledgeCopy.WithStaleMedicationClass(temp, "rifabutin", "cyp3a-moderate-inducers");
        var (code, _, stderr) = Cli.Run("kb", "validate", dir);
        Assert.Equal(2, code);
        Assert.Contains("medication-codes/rxnorm.json", stderr, StringComparison.Ordinal);
        Assert.Contains("rifabutin", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Kb_show_lorlatinib_shows_dose_reductions_approvals_interactions_and_monitoring_with_sources()
    {
        var (code, stdout, _) = Cli.Run("kb", "show", "lorlatinib");
        Assert.Equal(0, code);
        Assert.Contains("100 mg once daily", stdout, StringComparison.Ordinal);
        Assert.Contains("75 mg once daily", stdout, StringComparison.Ordinal);
        Assert.Contains("Approval US", stdout, StringComparison.Ordinal);
        Assert.Contains("cyp3a-strong-inducer: contraindicated", stdout, StringComparison.Ordinal);
        Assert.Contains("Monitor:", stdout, StringComparison.Ordinal);
        Assert.Contains("label-us-lorlatinib", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed-5", "2024", "2024-01-01")] // known to the year
    [InlineData("label-us-lorlatinib", "2026-01", "2026-01-01")] // known to the month
    public void Kb_show_of_a_reference_writes_its_date_as_known_without_an_invented_day(string reference, string written, string invented)
    {
        var (code, stdout, _) = Cli.Run("kb", "show", reference);

        Assert.Equal(0, code);
        Assert.Contains($"date: {written}\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(invented, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed-17")]
    [InlineData("DX-FISH-001")]
    [InlineData("nccn-alk-first-line-2025")]
    [InlineData("crown")]
    [InlineData("fish-two-reader-positive-at-or-above-percent")]
    public void Kb_show_finds_references_rules_regimens_trials_and_thresholds(string id)
    {
        var (code, stdout, _) = Cli.Run("kb", "show", id);
        Assert.Equal(0, code);
        Assert.Contains(id, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Kb_show_unknown_id_exits_2()
    {
        Assert.Equal(2, Cli.Run("kb", "show", "no-such-thing").Code);
    }

    [Fact]
    public void Kb_refs_lists_the_review_references_and_newer_sources()
    {
        var (code, stdout, _) = Cli.Run("kb", "refs");
        Assert.Equal(0, code);
        Assert.Contains("seed-38", stdout, StringComparison.Ordinal);
        Assert.Contains("alina-2024", stdout, StringComparison.Ordinal);
        Assert.Contains("knowledge base 2026.12.23", stdout, StringComparison.Ordinal);
    }
    [Theory]
    [InlineData(new[] { "kb", "show" }, "kb show needs an ID")]
    [InlineData(new[] { "kb", "show", "lorlatinib", "alectinib" }, "unknown argument 'alectinib'")]
    [InlineData(new[] { "kb", "refs", "extra" }, "unknown argument 'extra'")]
    [InlineData(new[] { "kb", "version", "--json" }, "unknown option '--json'")]
    [InlineData(new[] { "kb", "validate", "knowledge", "--verbose" }, "unknown option '--verbose'")]
    [InlineData(new[] { "kb", "show", "lorlatinib", "--json=yes" }, "--json takes no value")]
    public void Kb_commands_read_their_arguments_with_the_shared_parser_and_name_each_mistake(string[] args, string problem)
    {
        var (code, stdout, stderr) = Cli.Run(args);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(problem, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Kb_show_takes_json_before_or_after_the_id_and_in_either_spelling()
    {
        var after = Cli.Run("kb", "show", "lorlatinib", "--json");
        var before = Cli.Run("kb", "show", "--json", "lorlatinib");

        Assert.Equal(0, after.Code);
        Assert.Equal(after.Out, before.Out);
    }
}
