using FusionGuide.Domain;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine.Tests.Support;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// Issue #20 item 7: a rationale says why this option fits this patient now (the finding, the setting, the guideline's
/// place), the trial figures are listed once per result in the evidence section, and evidence of another setting or
/// driver is never quoted (SYS-EVID-001, SYS-REF-001).
/// </summary>
public sealed class RationaleForThisPatientTests
{
    private const string G1202RAfterAlectinib = """
        { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" },
                     { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["G1202R"] } ],
          "disease": { "brainMetastases": { "present": true, "count": 2, "symptomatic": false, "largestMm": 8 } },
          "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }
        """;

    private const string FirstLineBrainMetastases = """{ "disease": { "brainMetastases": { "present": true, "count": 3, "symptomatic": false, "largestMm": 9 } } }""";

    private static readonly string[] CrownFigures = ["CROWN", "HR 0.19", "55% vs 3%", "92% vs 16%", "7% vs 72%"];

    private static TherapyOption Option(Result r, Therapy t) => Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == t);

    private static string Json(Result r) => ContractJson.Serialize(r, indented: false);

    [Fact]
    public void Rationale_names_the_mutation_found()
    {
        var r = Cases.Evaluate(G1202RAfterAlectinib);

        var lorlatinib = Option(r, Therapy.Lorlatinib);
        Assert.StartsWith("G1202R found on plasma DNA NGS after systemic progression on alectinib: lorlatinib is active against it, and is a preferred option (", lorlatinib.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Rationale_after_alectinib_never_quotes_first_line_CROWN_figures()
    {
        var r = Cases.Evaluate(G1202RAfterAlectinib);

        var lorlatinib = Option(r, Therapy.Lorlatinib);
        foreach (var figure in CrownFigures)
        {
            Assert.DoesNotContain(figure, lorlatinib.Rationale, StringComparison.Ordinal);
        }

        // Not in the evidence section either: CROWN is a first-line trial, and its intracranial post hoc analysis too.
        var evidence = string.Join("\n", (r.Evidence ?? []).SelectMany(x => x.Figures.Append(x.Source).Append(x.AppliesTo)));
        foreach (var figure in CrownFigures)
        {
            Assert.DoesNotContain(figure, evidence, StringComparison.Ordinal);
        }

        var trace = Assert.Single(r.Trace, t => t.Rule == "SYS-EVID-001");
        Assert.Contains("CROWN (first-line setting)", trace.Detail, StringComparison.Ordinal);
        Assert.Contains("lorlatinib intracranial data (first-line setting)", trace.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Continuing_a_TKI_after_alectinib_quotes_no_first_line_intracranial_figures()
    {
        var r = Cases.Evaluate("""
            { "disease": { "brainMetastases": { "present": true, "count": 1, "symptomatic": false, "largestMm": 6 } },
              "history": [ { "therapy": "alectinib", "start": "2020-01", "end": "2022-06", "stopReason": "progression", "progressionPattern": "systemic" },
                           { "therapy": "lorlatinib", "start": "2022-07", "stopReason": "ongoing" } ] }
            """);

        var lorlatinib = Option(r, Therapy.Lorlatinib);
        Assert.Contains("brain metastases: high intracranial activity", lorlatinib.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("CROWN", Json(r with { Trace = [] }), StringComparison.Ordinal);
    }

    [Fact]
    public void ROS1_rows_never_cite_ALK_trials()
    {
        var r = Cases.Evaluate($$"""{ "tests": {{Cases.Ros1Tests}}, "disease": { "brainMetastases": { "present": true, "count": 2, "symptomatic": false, "largestMm": 7 } } }""");

        var kb = KnowledgeLoader.Embedded;
        var cited = r.SystemicTherapy.Options.SelectMany(o => o.References)
            .Concat(r.SystemicTherapy.Avoid.SelectMany(a => a.References ?? []))
            .Concat((r.Evidence ?? []).SelectMany(x => x.References.Append(x.Reference)))
            .Distinct().ToList();
        Assert.NotEmpty(cited);
        Assert.All(cited, id => Assert.False(kb.OfOtherKinase(id, Gene.Ros1), $"{id} is an ALK-only reference"));
        var alkTrials = kb.Trials.Where(t => t.Driver == Gene.Alk).Select(t => t.Name).ToList();
        Assert.All(r.Evidence ?? [], x => Assert.DoesNotContain(x.Source, alkTrials));
        Assert.All(r.SystemicTherapy.Options, o => Assert.All(alkTrials, name => Assert.DoesNotContain($"{name}:", o.Rationale, StringComparison.Ordinal)));
        // Crizotinib is a ROS1 option: its ROS1 trial is listed, never its ALK ones.
        Assert.Contains(r.Evidence ?? [], x => x.Source.StartsWith("PROFILE 1001", StringComparison.Ordinal) && x.Therapies.Contains(Therapy.Crizotinib));
    }

    [Fact]
    public void ALK_resistance_rows_never_cite_the_ROS1_G2032R_paper()
    {
        var r = Cases.Evaluate(G1202RAfterAlectinib);

        foreach (var avoided in r.SystemicTherapy.Avoid)
        {
            Assert.DoesNotContain("ros1-g2032r-preclinical-2019", avoided.References ?? []);
            Assert.DoesNotContain("ROS1-G2032R", avoided.Reason, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Crizotinib);
    }

    [Fact]
    public void Evidence_section_lists_each_trial_once()
    {
        var r = Cases.Evaluate(FirstLineBrainMetastases);

        var evidence = Assert.IsAssignableFrom<IReadOnlyList<EvidenceEntry>>(r.Evidence);
        Assert.Equal(evidence.Count, evidence.Select(x => x.Source).Distinct().Count());
        var alex = Assert.Single(evidence, x => x.Source == "ALEX");
        Assert.Equal([Therapy.Alectinib], alex.Therapies);
        Assert.Contains(alex.Figures, f => f.Contains("34.8 vs 10.9 months", StringComparison.Ordinal));
        Assert.Contains(evidence, x => x.Source == "CROWN");
        // The figures are said once in the whole result: in the evidence section, not in the rows.
        var text = Json(r with { Trace = [] });
        Assert.Equal(1, Occurrences(text, "34.8 vs 10.9 months"));
        Assert.All(r.SystemicTherapy.Options, o => Assert.DoesNotContain("HR 0.", o.Rationale, StringComparison.Ordinal));
    }

    [Fact]
    public void A_trial_cited_by_two_options_is_listed_once_with_both()
    {
        // After crizotinib, ROS1: the 2025 table's repotrectinib and taletrectinib rows; TRIDENT-1 and TRUST each once.
        var r = Cases.Evaluate($$"""
            { "tests": {{Cases.Ros1Tests}},
              "history": [ { "therapy": "crizotinib", "start": "2021-01", "end": "2024-01", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """);

        var evidence = r.Evidence ?? [];
        Assert.Single(evidence, x => x.Source == "TRIDENT-1");
        Assert.Equal(evidence.Count, evidence.Select(x => x.Reference + x.Source).Distinct().Count());
    }

    [Fact]
    public void Brain_metastases_say_which_option_has_the_strongest_intracranial_data_without_figures()
    {
        var r = Cases.Evaluate(FirstLineBrainMetastases);

        var first = r.SystemicTherapy.Options[0];
        Assert.Equal(Therapy.Lorlatinib, first.Therapy);
        Assert.Contains("brain metastases (3): lorlatinib has the strongest intracranial data of the options", first.Rationale, StringComparison.Ordinal);
        Assert.Contains("ranked before alectinib, equally recommended, by the strength of the intracranial data", first.Rationale, StringComparison.Ordinal);
        Assert.Contains(r.Evidence ?? [], x => x.Source.EndsWith("(intracranial)", StringComparison.Ordinal) && x.Therapies.Contains(Therapy.Lorlatinib));
    }

    [Fact]
    public void An_unverified_guideline_placement_is_a_short_caveat_on_the_row()
    {
        var r = Cases.Evaluate();

        var alectinib = Option(r, Therapy.Alectinib);
        Assert.StartsWith("First-line therapy for ALK-positive advanced NSCLC: alectinib is a preferred option (", alectinib.Rationale, StringComparison.Ordinal);
        if (alectinib.Rationale.Contains("not yet verified", StringComparison.Ordinal))
        {
            Assert.Contains("guideline placement not yet verified", alectinib.Rationale, StringComparison.Ordinal);
        }

        Assert.All(r.SystemicTherapy.Options, o => Assert.DoesNotContain("is not yet verified against the guideline document", o.Rationale, StringComparison.Ordinal));
    }

    [Fact]
    public void The_adjuvant_setting_lists_only_adjuvant_evidence()
    {
        var r = Cases.Evaluate("""{ "tumor": { "histology": "adenocarcinoma", "stage": "IIB", "resected": true }, "disease": { "sites": [] } }""");

        var evidence = Assert.IsAssignableFrom<IReadOnlyList<EvidenceEntry>>(r.Evidence);
        Assert.Contains(evidence, x => x.Source == "ALINA");
        Assert.DoesNotContain(evidence, x => x.Source == "ALEX");
    }

    private static int Occurrences(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    [Fact]
    public void CNS_only_progression_does_not_praise_the_intracranial_activity_that_failed()
    {
        var r = Cases.Evaluate("""{ "disease": { "brainMetastases": { "present": true, "count": 2, "symptomatic": false, "largestMm": 12 } }, "history": [ { "therapy": "alectinib", "start": "2022-02", "stopReason": "progression", "progressionPattern": "cns" } ] }""");

        var continued = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy.Code() == "alectinib");
        Assert.DoesNotContain("brain metastases: high intracranial activity", continued.Rationale, StringComparison.Ordinal);
        Assert.Contains("the brain metastases progressed on it despite its high intracranial activity", continued.Rationale, StringComparison.Ordinal);
    }
}
