using System.Text.RegularExpressions;

namespace FusionGuide.Rendering.Tests;

/// <summary>A printed report must be readable without the case file or the knowledge base's curation notes.</summary>
public sealed class StandAloneReportTests
{
    private static Case ProgressionCase() => new()
    {
        Id = "case-progression",
        Patient = new Patient { Age = 58, Sex = Sex.Male, Smoking = Smoking.Former, Ecog = 1 },
        Tumor = new Tumor { Histology = Histology.Adenocarcinoma, Stage = Stage.IVB },
        Tests =
        [
            new BiomarkerTest { Gene = Gene.Alk, Method = TestMethod.Fish, Sample = Sample.Tissue, Result = FusionGuide.Domain.TestResult.Positive, PercentRearrangedCells = 42, CellsScored = 100, Date = "2021-02" },
            new BiomarkerTest { Gene = Gene.Alk, Method = TestMethod.NgsDna, Sample = Sample.Plasma, Timing = TestTiming.Progression, Result = FusionGuide.Domain.TestResult.Positive, Mutations = ["G1202R"], Alterations = ["MET amplification"] },
        ],
        Disease = new Disease { BrainMetastases = new BrainMetastases { Present = true, Count = 3, LargestMm = 12, Symptomatic = false }, Sites = [MetastaticSite.Brain, MetastaticSite.Bone, MetastaticSite.LymphNode] },
        History = [new HistoryEntry { Therapy = Therapy.Alectinib, Start = "2021-03", End = "2024-06", StopReason = StopReason.Progression, ProgressionPattern = ProgressionPattern.Both }],
        AdverseEvents = [new AdverseEvent { Therapy = Therapy.Alectinib, Event = AdverseEventCode.CkElevation, Grade = 2 }],
        Comorbidities = [Comorbidity.Hyperlipidemia, Comorbidity.LongQt],
        Medications = ["atorvastatin", "rifampin"],
        Context = new CaseContext { Region = Region.EU, Unavailable = [Therapy.Repotrectinib] },
    };

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void Report_given_the_case_restates_every_input_in_words_before_the_diagnosis(string format)
    {
        var text = Visible(format, Render.As(format, Fixtures.G1202RAfterAlectinib(), Fixtures.References(), ProgressionCase()));

        var findings = text.IndexOf("Patient and findings", StringComparison.Ordinal);
        Assert.InRange(findings, 0, text.IndexOf("Diagnosis", StringComparison.Ordinal));
        string[] expected =
        [
            "58-year-old man, former smoker, ECOG 1.",
            "Adenocarcinoma, stage IVB.",
            "ALK by FISH on tissue at diagnosis (2021-02): positive, 42% of 100 cells rearranged.",
            "ALK by DNA NGS on plasma at progression: positive.",
            "At progression: ALK G1202R and MET amplification.",
            "Present: 3 lesions, largest 12 mm, asymptomatic.",
            "Metastatic sites: bone and lymph nodes.",
            "1. Alectinib from 2021-03 to 2024-06, stopped at progression (systemic and CNS progression).",
            "Grade 2 CK elevation on alectinib.",
            "Hyperlipidemia and long QT.",
            "Atorvastatin and rifampin.",
            "EU approvals apply; the site cannot obtain repotrectinib.",
            "2026-11-20",
        ];
        Assert.All(expected, e => Assert.Contains(e, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void Report_of_an_untested_patient_says_no_test_and_no_therapy_yet(string format)
    {
        var text = Render.As(format, Fixtures.Empty(), null, new Case());

        Assert.Contains("No biomarker test reported yet.", text, StringComparison.Ordinal);
        Assert.Contains("None: no systemic therapy given yet.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void Report_without_the_case_has_no_findings_section(string format)
    {
        Assert.DoesNotContain("Patient and findings", Render.As(format, Fixtures.G1202RAfterAlectinib(), Fixtures.References()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void References_show_no_curation_notes_and_a_work_recorded_twice_once(string format)
    {
        var result = Fixtures.G1202RAfterAlectinib() with
        {
            Trace = [new TraceEntry { Rule = "R-1", Detail = "Cited twice.", References = ["seed-36", "seed-30", "seed-22"] }],
        };
        var refs = new ReferenceList(new Dictionary<string, (string, string, string?)>
        {
            ["seed-30"] = ("TRIDENT-1", "Drilon A, Camidge DR, Lin JJ, et al. Repotrectinib in ROS1 fusion-positive non-small-cell lung cancer. N Engl J Med 2024;390(2):118-131.", null),
            ["seed-36"] = ("TRIDENT-1 (dup)", "Drilon A. Repotrectinib in ROS1 fusion-positive non-small-cell lung cancer. N Engl J Med 2024;390(2):118-131.", null),
            ["seed-22"] = ("Passiglia-2023-ESMO?", "As printed in the review: Planchard D, et al. Metastatic NSCLC. Ann Oncol 2023;34(4):339-357. Correct citation for that volume/pages: Hendriks LE, Kerr KM, Menis J, et al. Oncogene-addicted metastatic non-small-cell lung cancer. Ann Oncol 2023;34(4):339-357.", null),
        });

        var text = Visible(format, Render.As(format, result, refs));

        Assert.DoesNotContain("(dup)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("As printed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ESMO?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("seed-", text, StringComparison.Ordinal);
        Assert.Contains("Hendriks LE, Kerr KM, Menis J, et al. Oncogene-addicted", text, StringComparison.Ordinal);
        var bibliography = text[text.LastIndexOf("References", StringComparison.Ordinal)..];
        Assert.Single(Regex.Matches(bibliography, "TRIDENT-1"));
    }

    private static string Visible(string format, string text) =>
        format == Render.Html ? System.Net.WebUtility.HtmlDecode(Regex.Replace(text, "<[^>]*>", "")) : text.Replace("\\", "", StringComparison.Ordinal);

    [Fact]
    public void A_TKI_still_taken_beyond_progression_is_not_summarised_as_stopped()
    {
        var c = ProgressionCase() with { History = [new HistoryEntry { Therapy = Therapy.Alectinib, Start = "2021-03", StopReason = StopReason.Progression, ProgressionPattern = ProgressionPattern.Cns }] };
        var text = Visible("markdown", Render.As("markdown", Fixtures.G1202RAfterAlectinib(), Fixtures.References(), c));

        Assert.Contains("1. Alectinib from 2021-03, progressed on it and still taken (progression in the CNS only).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stopped at progression", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_earlier_TKI_with_progression_and_no_end_date_followed_by_another_therapy_is_summarised_as_stopped()
    {
        var c = ProgressionCase() with
        {
            History =
            [
                new HistoryEntry { Therapy = Therapy.Alectinib, Start = "2021-03", StopReason = StopReason.Progression, ProgressionPattern = ProgressionPattern.Systemic },
                new HistoryEntry { Therapy = Therapy.Lorlatinib, Start = "2024-07", StopReason = StopReason.Ongoing },
            ],
        };
        var text = Visible("markdown", Render.As("markdown", Fixtures.G1202RAfterAlectinib(), Fixtures.References(), c));

        Assert.Contains("1. Alectinib from 2021-03, stopped at progression (systemic progression).", text, StringComparison.Ordinal);
    }
}
