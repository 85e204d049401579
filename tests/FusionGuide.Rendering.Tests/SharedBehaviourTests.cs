namespace FusionGuide.Rendering.Tests;

public class SharedBehaviourTests
{
    private static readonly string[] SectionTitles =
    [
        "Diagnosis", "Systemic therapy", "Local therapy", "Dosing", "Toxicity management",
        "Monitoring", "Interactions", "Warnings", "Trace", "References",
    ];

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void Rendering_is_deterministic(string format)
    {
        var first = Render.As(format, Fixtures.G1202RAfterAlectinib(), Fixtures.References());
        var second = Render.As(format, Fixtures.G1202RAfterAlectinib(), Fixtures.References());

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void Brain_plan_steps_appear_in_the_local_therapy_section_with_their_caveat(string format)
    {
        var result = Fixtures.G1202RAfterAlectinib() with
        {
            BrainPlan =
            [
                new BrainPlanStep { Pathway = "whole-brain-radiotherapy", Step = "Memantine 20 mg a day for 24 weeks.", References = ["rtog-0614"] },
                new BrainPlanStep { Pathway = "deferred-radiotherapy", Step = "MRI of the brain every 2–3 months.", Caveat = "Not yet verified against a primary source (brain-mri-deferred-rt)." },
            ],
        };

        var text = Render.As(format, result, Fixtures.References());
        var local = text.IndexOf("Local therapy", StringComparison.Ordinal);
        var dosing = text.IndexOf("Dosing", local, StringComparison.Ordinal);

        Assert.InRange(text.IndexOf("Brain plan", local, StringComparison.Ordinal), local, dosing);
        Assert.InRange(text.IndexOf("Whole-brain radiotherapy", local, StringComparison.Ordinal), local, dosing);
        Assert.InRange(text.IndexOf("Memantine 20 mg a day", local, StringComparison.Ordinal), local, dosing);
        Assert.InRange(text.IndexOf("Not yet verified against a primary source", local, StringComparison.Ordinal), local, dosing);
        Assert.DoesNotContain("Brain plan", Render.As(format, Fixtures.G1202RAfterAlectinib(), Fixtures.References()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void The_evidence_section_lists_each_trial_once_before_the_trace_and_cites_its_references(string format)
    {
        var result = Fixtures.G1202RAfterAlectinib() with
        {
            Evidence =
            [
                new EvidenceEntry
                {
                    Reference = "shaw-2019-lorlatinib", Source = "Lorlatinib phase 2 (ALK mutation cohorts)",
                    AppliesTo = "ALK-positive NSCLC after a second-generation TKI", Figures = ["ORR with an ALK mutation in plasma: 62% vs 32%"],
                    Therapies = [Therapy.Lorlatinib, Therapy.Brigatinib], References = ["shaw-2019-lorlatinib"],
                },
            ],
        };

        var text = Render.As(format, result, Fixtures.References());
        var evidence = EvidenceHeading(text);
        Assert.True(evidence >= 0, "no Evidence heading");
        var trace = text.IndexOf("Trace", evidence, StringComparison.Ordinal);

        Assert.InRange(text.IndexOf("Lorlatinib phase 2 (ALK mutation cohorts)", StringComparison.Ordinal), evidence, trace);
        Assert.Equal(text.IndexOf("62% vs 32%", StringComparison.Ordinal), text.LastIndexOf("62% vs 32%", StringComparison.Ordinal));
        Assert.InRange(text.IndexOf("62% vs 32%", StringComparison.Ordinal), evidence, trace);
        Assert.Contains("Shaw-2019", text[evidence..trace], StringComparison.Ordinal);
        Assert.Equal(-1, EvidenceHeading(Render.As(format, Fixtures.G1202RAfterAlectinib(), Fixtures.References())));
    }

    private static int EvidenceHeading(string text) =>
        text.IndexOf(">Evidence</h2>", StringComparison.Ordinal) is var h and >= 0 ? h : text.IndexOf("## Evidence\n", StringComparison.Ordinal);

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void Output_uses_lf_line_endings_only(string format)
    {
        var text = Render.As(format, Fixtures.G1202RAfterAlectinib(), Fixtures.References());

        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void Empty_sections_say_none_rather_than_disappearing(string format)
    {
        var text = Render.As(format, Fixtures.Empty());

        foreach (var title in SectionTitles)
        {
            Assert.Contains(title, text, StringComparison.Ordinal);
        }

        // Genes, next tests, diagnostic warnings, options, avoid, then one table per remaining section, and references.
        var nones = text.Split("None.").Length - 1;
        Assert.Equal(13, nones);
    }

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void Gene_order_follows_the_contract_not_the_dictionary(string format)
    {
        var text = Render.As(format, Fixtures.G1202RAfterAlectinib());

        var positions = new[] { "ALK", "ROS1", "EGFR", "PD-L1" }
            .Select(g => text.IndexOf(format == Render.Html ? $"<td>{g}</td>" : $"| {g} |", StringComparison.Ordinal))
            .ToArray();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void References_section_gives_every_cited_reference_as_a_citation_without_its_internal_id(string format)
    {
        var result = Fixtures.G1202RAfterAlectinib();
        var refs = Fixtures.References();
        var text = Render.As(format, result, refs);
        var bibliography = Visible(format, text[text.LastIndexOf("References", StringComparison.Ordinal)..]);

        foreach (var id in Render.CitedIds(result))
        {
            Assert.DoesNotContain(id, bibliography, StringComparison.Ordinal);
            Assert.True(refs.TryGet(id, out var entry));
            Assert.Contains(entry.ShortName, bibliography, StringComparison.Ordinal);
            Assert.Contains(entry.Citation[..20], bibliography, StringComparison.Ordinal);
        }
    }

    // The text a reader sees: HTML without its tags and attributes (anchors keep the ids as link targets).
    private static string Visible(string format, string text) =>
        format == Render.Html ? System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", "") : text;

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void Reference_missing_from_the_list_is_flagged_not_dropped(string format)
    {
        var text = Render.As(format, Fixtures.G1202RAfterAlectinib(), new ReferenceList(new Dictionary<string, (string, string, string?)>()));

        Assert.Contains("gainor-2016", text, StringComparison.Ordinal);
        Assert.Contains("Not in the reference list.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void Title_names_case_knowledge_base_version_and_as_of(string format)
    {
        var result = Fixtures.G1202RAfterAlectinib() with { CaseId = "case-017" };
        var text = Render.As(format, result);

        Assert.Contains("FusionGuide report: case case-017", text, StringComparison.Ordinal);
        Assert.Contains("2026.11.0", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-20", text, StringComparison.Ordinal);
    }
}
