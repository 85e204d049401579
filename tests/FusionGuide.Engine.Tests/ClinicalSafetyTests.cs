using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// Issue #18: answers a tumour board would reject. Re-challenge only on clinical evidence, small-cell histology at
/// diagnosis, label scope after intolerance, honest history, toxicity rows that agree with their rules, prior
/// pneumonitis as ILD, and references that belong to the case's driver.
/// </summary>
public class ClinicalSafetyTests
{
    private const string AlkIhc = """{ "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }""";

    private static string Progressed(params string[] drugs) =>
        "[" + string.Join(",", drugs.Select((d, i) => $$"""{ "therapy": "{{d}}", "start": "{{2015 + 2 * i}}-01", "end": "{{2016 + 2 * i}}-12", "stopReason": "progression", "progressionPattern": "systemic" }""")) + "]";

    private static Result AlkAtProgression(string[] mutations, params string[] history) =>
        Cases.Evaluate($$"""{ "tests": [ {{AlkIhc}}, {{Cases.ProgressionTest("ALK", mutations, sample: "tissue")}} ], "history": {{Progressed(history)}} }""");

    // 1. Re-challenge

    [Fact]
    public void I1171N_after_ceritinib_then_brigatinib_does_not_offer_ceritinib_again()
    {
        var r = AlkAtProgression(["I1171N"], "ceritinib", "brigatinib");

        Assert.DoesNotContain("ceritinib", r.Options());
        Assert.Contains("ceritinib", r.Avoid());
        Assert.Contains(r.Trace, t => t.Rule == "SYS-RECHAL-001" && t.Detail.Contains("no re-challenge", StringComparison.Ordinal));
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void I1171N_after_lorlatinib_then_ensartinib_does_not_offer_lorlatinib_again()
    {
        var r = AlkAtProgression(["I1171N"], "lorlatinib", "ensartinib");

        Assert.DoesNotContain("lorlatinib", r.Options());
        Assert.Contains("lorlatinib", r.Avoid());
        Assert.Contains("SYS-AVOID-001", r.Rules());
    }

    [Fact]
    public void C1156Y_L1198F_after_crizotinib_then_lorlatinib_offers_crizotinib_as_a_certain_circumstances_rechallenge_never_first()
    {
        var r = AlkAtProgression(["C1156Y", "L1198F"], "crizotinib", "lorlatinib");

        var crizotinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Crizotinib);
        Assert.Equal(Preference.CertainCircumstances, crizotinib.Preference);
        Assert.NotEqual("crizotinib", r.First());
        Assert.Contains("shaw-2016-l1198f", crizotinib.References);
        Assert.Contains("re-challenge", crizotinib.Rationale, StringComparison.Ordinal);
        Assert.Contains(r.Trace, t => t.Rule == "SYS-RECHAL-001" && t.References.Contains("shaw-2016-l1198f"));
        Assert.Contains("lorlatinib", r.Avoid());
    }

    [Fact]
    public void C1156Y_L1198F_rechallenge_is_never_first_but_not_behind_later_line_chemotherapy()
    {
        // Shaw 2016: crizotinib, chemotherapy, ceritinib, then lorlatinib; C1156Y+L1198F on a tissue biopsy.
        var r = AlkAtProgression(["C1156Y", "L1198F"], "crizotinib", "platinum-pemetrexed", "ceritinib", "lorlatinib");

        var options = r.Options().ToList();
        Assert.NotEqual("crizotinib", r.First());
        Assert.Contains("crizotinib", options);
        Assert.True(options.IndexOf("crizotinib") < options.IndexOf("docetaxel"), string.Join(", ", options));
    }

    [Fact]
    public void A_rechallenge_beside_the_conventional_pathway_is_named_in_the_no_targeted_option_warning()
    {
        var r = AlkAtProgression(["C1156Y", "L1198F"], "crizotinib", "platinum-pemetrexed", "ceritinib", "lorlatinib");

        var warning = Assert.Single(r.Warnings, w => w.Code == "no-targeted-option");
        Assert.DoesNotContain("No ALK TKI is left", warning.Message, StringComparison.Ordinal);
        Assert.Contains("crizotinib as a re-challenge on clinical evidence of re-sensitisation beside it", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C1156Y_L1198F_after_crizotinib_alone_is_no_rechallenge_of_the_drug_it_just_failed()
    {
        var r = AlkAtProgression(["C1156Y", "L1198F"], "crizotinib");

        Assert.DoesNotContain("crizotinib", r.Options());
        Assert.Contains("crizotinib", r.Avoid());
    }

    // 1b. The same chemotherapy after progression on it (SYS-AVOID-003)

    [Fact]
    public void After_progression_on_platinum_pemetrexed_adding_bevacizumab_or_pembrolizumab_is_not_a_new_line()
    {
        var r = AlkAtProgression(["G1202R", "L1196M"], "alectinib", "lorlatinib", "platinum-pemetrexed");

        Assert.DoesNotContain("platinum-pemetrexed-bevacizumab", r.Options());
        Assert.DoesNotContain("chemo-immunotherapy", r.Options());
        Assert.Contains("platinum-pemetrexed-bevacizumab", r.Avoid());
        Assert.Contains("docetaxel", r.Options());
        var reason = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.PlatinumPemetrexedBevacizumab).Reason;
        Assert.StartsWith("Adds bevacizumab to the same chemotherapy (pemetrexed with cisplatin or carboplatin) the disease progressed on as platinum", reason, StringComparison.Ordinal);
        Assert.Contains("SYS-AVOID-003", r.Rules());
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void After_progression_on_chemo_immunotherapy_platinum_pemetrexed_is_not_offered_again()
    {
        var r = AlkAtProgression(["G1202R", "L1196M"], "chemo-immunotherapy", "alectinib", "lorlatinib");

        Assert.DoesNotContain("platinum-pemetrexed", r.Options());
        Assert.DoesNotContain("platinum-pemetrexed-bevacizumab", r.Options());
        Assert.Contains("platinum-pemetrexed", r.Avoid());
    }

    [Fact]
    public void A_different_cytotoxic_backbone_is_not_the_same_chemotherapy()
    {
        var kb = Knowledge.Loading.KnowledgeLoader.Embedded;
        var pemetrexed = kb.Drug(Therapy.PlatinumPemetrexed).Regimen!;

        Assert.False(kb.Drug(Therapy.PlatinumEtoposide).Regimen!.SameCytotoxicBackbone(pemetrexed));
        Assert.True(pemetrexed.SameCytotoxicBackbone(kb.Drug(Therapy.PlatinumPemetrexedBevacizumab).Regimen!));
        Assert.True(pemetrexed.SameCytotoxicBackbone(kb.Drug(Therapy.ChemoImmunotherapy).Regimen!));
        Assert.False(pemetrexed.SameCytotoxicBackbone(kb.Drug(Therapy.Docetaxel).Regimen!));
    }

    [Fact]
    public void With_no_table_answering_progression_the_answer_does_not_claim_no_TKI_is_left()
    {
        // US, August 2018, after alectinib: no table of the date answers this progression (lorlatinib was in trials).
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "alectinib", "start": "2016-01", "end": "2018-05", "stopReason": "progression", "progressionPattern": "systemic" } ],
              "context": { "region": "US" } }
            """, new DateOnly(2018, 8, 1));

        var warning = Assert.Single(r.Warnings, w => w.Code == "no-targeted-option").Message;
        Assert.DoesNotContain("is left for this patient", warning, StringComparison.Ordinal);
        Assert.Contains("not weighed here", warning, StringComparison.Ordinal);
        Assert.Contains("clinical trial of a newer ALK TKI", warning, StringComparison.Ordinal);
    }

    // 2. Small-cell histology at diagnosis

    [Fact]
    public void Small_cell_histology_with_an_alk_fusion_gets_platinum_etoposide_first_and_no_tki_first()
    {
        var r = Cases.Evaluate("""{ "tumor": { "histology": "small-cell", "stage": "IVB" } }""");

        Assert.Equal("ALK", r.Driver());
        Assert.Equal("platinum-etoposide", r.First());
        Assert.Contains("chemo-immunotherapy", r.Options());
        Assert.False(Kb.IsTargeted(r.First()!));
        Assert.Contains("small-cell-histology", r.WarningCodes());
        Assert.Contains("SYS-SCLC-001", r.Rules());
        Assert.DoesNotContain("SYS-IO-001", r.Rules());
    }

    [Fact]
    public void Small_cell_histology_named_as_a_transformation_after_a_TKI_is_read_as_the_transformation()
    {
        // An integrator may write the re-biopsy's histology and the transformation both: the transformation decides.
        var r = Cases.Evaluate("""
            { "tumor": { "histology": "small-cell", "stage": "IVB", "transformation": "small-cell" },
              "history": [ { "therapy": "alectinib", "start": "2020-01", "end": "2023-01", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """);

        Assert.Contains("histologic-transformation", r.WarningCodes());
        Assert.DoesNotContain("small-cell-histology", r.WarningCodes());
        Assert.Equal("platinum-etoposide", r.First());
    }

    [Fact]
    public void Small_cell_histology_with_a_ros1_fusion_is_treated_as_small_cell_lung_cancer()
    {
        var r = Cases.Evaluate($$"""{ "tumor": { "histology": "small-cell", "stage": "IVB" }, "tests": {{Cases.Ros1Tests}} }""");

        Assert.Equal("ROS1", r.Driver());
        Assert.Equal("platinum-etoposide", r.First());
        Assert.DoesNotContain(r.Options(), Kb.IsTargeted);
    }

    [Fact]
    public void Limited_stage_small_cell_histology_is_not_offered_chemo_immunotherapy()
    {
        var r = Cases.Evaluate("""{ "tumor": { "histology": "small-cell", "stage": "IIIA" } }""");

        Assert.Equal("platinum-etoposide", r.First());
        Assert.DoesNotContain("chemo-immunotherapy", r.Options());
    }

    [Fact]
    public void Small_cell_chemo_immunotherapy_is_dosed_as_platinum_etoposide_with_atezolizumab_not_pemetrexed()
    {
        var r = Cases.Evaluate("""{ "tumor": { "histology": "small-cell", "stage": "IVB" } }""");

        var row = Assert.Single(r.Dosing, d => d.Therapy == Therapy.ChemoImmunotherapy);
        Assert.Contains("atezolizumab 1200 mg", row.Start, StringComparison.Ordinal);
        Assert.Contains("etoposide 100 mg/m²", row.Start, StringComparison.Ordinal);
        Assert.DoesNotContain("pemetrexed 500", row.Start, StringComparison.Ordinal);
        Assert.Null(row.Premedication);
        Assert.DoesNotContain(r.Monitoring, m => m.Therapy == Therapy.ChemoImmunotherapy && m.Item.Contains("pemetrexed", StringComparison.Ordinal));
    }

    [Fact]
    public void Small_cell_lung_cancer_that_progressed_on_platinum_etoposide_is_not_offered_its_chemo_immunotherapy()
    {
        var r = Cases.Evaluate($$"""{ "tumor": { "histology": "small-cell", "stage": "IVB" }, "history": {{Progressed("platinum-etoposide")}} }""");

        Assert.DoesNotContain("chemo-immunotherapy", r.Options());
        var reason = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.ChemoImmunotherapy).Reason;
        Assert.Contains("same chemotherapy (etoposide with cisplatin or carboplatin)", reason, StringComparison.Ordinal);
        Assert.Contains(r.Warnings, w => w.Code == "what-comes-next" && w.Message.Contains("later-line small-cell lung cancer therapy", StringComparison.Ordinal));
        Assert.DoesNotContain(r.Warnings, w => w.Code == "what-comes-next" && w.Message.Contains("docetaxel", StringComparison.OrdinalIgnoreCase));
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void A_small_cell_transformation_after_chemo_immunotherapy_keeps_platinum_etoposide_and_says_what_it_assumed()
    {
        // The case does not say when the transformation was found: the chemo-immunotherapy after the TKI may have been the
        // pemetrexed regimen (started for presumed adenocarcinoma progression) — platinum-etoposide stays, with the assumption said.
        var r = Cases.Evaluate($$"""{ "tumor": { "histology": "adenocarcinoma", "stage": "IVB", "transformation": "small-cell" }, "history": {{Progressed("alectinib", "chemo-immunotherapy")}} }""");

        Assert.Equal("platinum-etoposide", r.First());
        Assert.Contains(r.Warnings, w => w.Code == "histologic-transformation" && w.Message.Contains("is read as its coded regimen", StringComparison.Ordinal)
            && w.Message.Contains("platinum + etoposide is not a new line", StringComparison.Ordinal));
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void Small_cell_lung_cancer_relapsing_after_chemo_immunotherapy_then_years_of_a_TKI_gets_platinum_etoposide_again()
    {
        // Chemo-immunotherapy (platinum-etoposide with a PD-L1 inhibitor in small-cell disease), then alectinib for years: a
        // platinum-sensitive relapse, so platinum-etoposide is not ruled out as "the same chemotherapy".
        var r = Cases.Evaluate($$"""{ "tumor": { "histology": "small-cell", "stage": "IVB" }, "history": {{Progressed("chemo-immunotherapy", "alectinib")}} }""");

        Assert.Contains("platinum-etoposide", r.Options());
        Assert.DoesNotContain("platinum-etoposide", r.Avoid());
    }

    [Fact]
    public void Chemo_immunotherapy_given_before_the_TKI_does_not_rule_out_platinum_etoposide_for_a_later_small_cell_transformation()
    {
        // First-line pemetrexed chemo-immunotherapy (before the ALK result), then alectinib, then small-cell transformation:
        // the failed line gave pemetrexed, not etoposide.
        var r = Cases.Evaluate($$"""{ "tumor": { "histology": "adenocarcinoma", "stage": "IVB", "transformation": "small-cell" }, "history": {{Progressed("chemo-immunotherapy", "alectinib")}} }""");

        Assert.Equal("platinum-etoposide", r.First());
        Assert.DoesNotContain("platinum-etoposide", r.Avoid());
    }

    [Fact]
    public void Small_cell_lung_cancer_after_platinum_etoposide_stopped_for_intolerance_is_not_pointed_to_pemetrexed()
    {
        var r = Cases.Evaluate("""
            { "tumor": { "histology": "adenocarcinoma", "stage": "IVB", "transformation": "small-cell" },
              "history": [ { "therapy": "alectinib", "start": "2020-01", "end": "2024-01", "stopReason": "progression", "progressionPattern": "systemic" },
                           { "therapy": "platinum-etoposide", "start": "2024-02", "end": "2024-03", "stopReason": "intolerance" } ] }
            """);

        var next = Assert.Single(r.Warnings, w => w.Code == "what-comes-next").Message;
        Assert.DoesNotContain("pemetrexed", next, StringComparison.Ordinal);
        Assert.Contains("the small-cell regimen", next, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_cell_histology_after_progression_gets_no_test_to_look_for_small_cell_transformation()
    {
        var r = Cases.Evaluate($$"""{ "tumor": { "histology": "small-cell", "stage": "IVB" }, "history": {{Progressed("alectinib")}} }""");

        Assert.DoesNotContain(r.Diagnosis.NextTests, n => n.Method == TestMethod.Histology);
        Assert.False(Kb.IsTargeted(r.First() ?? "best-supportive-care"));
    }

    [Fact]
    public void Adenocarcinoma_after_progression_still_gets_the_transformation_rebiopsy()
    {
        var r = Cases.Evaluate($$"""{ "history": {{Progressed("alectinib")}} }""");

        Assert.Contains(r.Diagnosis.NextTests, n => n.Method == TestMethod.Histology);
    }

    // 3. Label scope after intolerance

    [Fact]
    public void Entrectinib_after_crizotinib_stopped_for_intolerance_in_the_eu_is_off_label_because_its_label_is_for_inhibitor_naive_patients()
    {
        var r = Cases.Evaluate($$"""{ "tests": {{Cases.Ros1Tests}}, "context": { "region": "EU" }, "history": [ { "therapy": "crizotinib", "start": "2025-01", "end": "2025-03", "stopReason": "intolerance" } ] }""");

        Assert.Equal("first-line", r.Setting());
        var entrectinib = r.SystemicTherapy.Options.FirstOrDefault(o => o.Therapy == Therapy.Entrectinib);
        if (entrectinib is not null)
        {
            Assert.Contains("have not had a ROS1 inhibitor", entrectinib.Rationale, StringComparison.Ordinal);
            Assert.Contains("SYS-ACCESS-004", r.Rules());
        }
        else
        {
            Assert.Contains("entrectinib", r.Avoid());
        }
    }

    [Fact]
    public void Every_naive_only_approval_marks_its_drug_off_label_after_a_tki_stopped_for_intolerance()
    {
        var approvals = Kb.Folder("drugs").SelectMany(d => (d["approvals"]?.AsArray() ?? []).Select(a => (Drug: d["id"]!.GetValue<string>(), Approval: a!)));
        foreach (var (drug, approval) in approvals)
        {
            if (approval["naiveOnly"]?.GetValue<bool>() != true || approval["status"]!.GetValue<string>() != "approved" || !Kb.InForce(approval, Kb.ReleaseDate))
            {
                continue;
            }

            var gene = approval["gene"]!.GetValue<string>();
            var prior = gene == "ALK" ? (drug == "crizotinib" ? "alectinib" : "crizotinib") : (drug == "crizotinib" ? "entrectinib" : "crizotinib");
            var tests = gene == "ALK" ? $"[{AlkIhc}]" : Cases.Ros1Tests;
            var r = Cases.Evaluate($$"""{ "tests": {{tests}}, "context": { "region": "{{approval["region"]!.GetValue<string>()}}" }, "history": [ { "therapy": "{{prior}}", "start": "2025-01", "end": "2025-03", "stopReason": "intolerance" } ] }""");

            Assert.Equal("first-line", r.Setting());
            var option = r.SystemicTherapy.Options.FirstOrDefault(o => o.Therapy.Code() == drug);
            // Session 19: a label written for use after the TKI the patient could not tolerate ("progressed on or
            // intolerant to crizotinib") covers them, so the drug is on-label through that label instead.
            var coveredAfterIntolerance = approvals.Any(x => x.Drug == drug && x.Approval["region"]!.GetValue<string>() == approval["region"]!.GetValue<string>() &&
                x.Approval["setting"]?.GetValue<string>() == "subsequent" && x.Approval["afterIntolerance"]?.GetValue<bool>() == true &&
                x.Approval["status"]!.GetValue<string>() == "approved" && Kb.InForce(x.Approval, Kb.ReleaseDate) &&
                (x.Approval["after"]?.AsArray().Any(t => t!.GetValue<string>() == prior) ?? false));
            if (option is not null)
            {
                if (coveredAfterIntolerance)
                {
                    Assert.DoesNotMatch("off-label", option.Rationale);
                }
                else
                {
                    Assert.Matches("off-label|not known|not approved", option.Rationale);
                }
            }
        }
    }

    [Fact]
    public void A_guideline_entry_for_inhibitor_naive_patients_is_marked_outside_the_recommendation_after_intolerance()
    {
        // The knowledge base marks a first-line entry naive-only; a patient whose first TKI was stopped for intolerance
        // sees the option with that stated (evaluated through the engine on an edited copy of the base).
        var files = Directory.EnumerateFiles(Repo.Knowledge, "*.json", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(Repo.Knowledge, f).Replace('\\', '/'), File.ReadAllBytes(f))).ToList();
        var i = files.FindIndex(f => f.Item1 == "regimens/nccn-alk-first-line-2025.json");
        var table = System.Text.Json.Nodes.JsonNode.Parse(files[i].Item2)!.AsObject();
        var entry = table["entries"]!.AsArray().First(x => x!["therapy"]!.GetValue<string>() == "brigatinib")!;
        entry["naiveOnly"] = true;
        files[i] = (files[i].Item1, System.Text.Encoding.UTF8.GetBytes(table.ToJsonString()));
        var kb = Knowledge.Loading.KnowledgeLoader.Load(files).KnowledgeBase!;
        var (c, notices) = Cases.Read(Cases.Json("""{ "history": [ { "therapy": "alectinib", "start": "2025-01", "end": "2025-03", "stopReason": "intolerance" } ] }"""));

        var r = new FusionEngine(kb).Evaluate(c, null, notices);

        Assert.Equal("first-line", r.Setting());
        var brigatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Brigatinib);
        Assert.Contains("outside that recommendation", brigatinib.Rationale, StringComparison.Ordinal);
        Assert.Contains("SYS-ACCESS-004", r.Rules());
    }

    // 4. History that is honest

    [Fact]
    public void Alk_first_line_in_2017_applies_no_guideline_table_whose_content_did_not_exist_yet()
    {
        // s8-g1: 2018-2023 now have tables of the guideline then in force (HistoricalGuidelineTableTests); before the
        // earliest (the 2018 NCCN patient guide) none applies.
        var r = Cases.Evaluate("{}", new DateOnly(2017, 6, 1));

        Assert.DoesNotContain("lorlatinib", r.Options());
        Assert.Contains("no-guideline-table", r.WarningCodes());
        Assert.Contains("SYS-TABLE-002", r.Rules());
        Assert.DoesNotContain(r.Trace, t => t.Rule == "SYS-TABLE-001" && t.Detail.Contains("first-line-2025", StringComparison.Ordinal));
    }

    [Fact]
    public void Alk_first_line_on_the_release_date_applies_the_table_in_force()
    {
        var r = Cases.Evaluate("{}");

        Assert.DoesNotContain("no-guideline-table", r.WarningCodes());
        Assert.Contains("SYS-TABLE-001", r.Rules());
        Assert.True(Kb.IsTargeted(r.First()!));
    }

    [Fact]
    public void Alectinib_in_japan_is_not_approved_for_adjuvant_use_by_its_2014_advanced_disease_approval()
    {
        var r = Cases.Evaluate("""{ "tumor": { "stage": "IIB", "resected": true }, "disease": { "sites": [] }, "context": { "region": "JP" } }""");

        var alectinib = r.SystemicTherapy.Options.FirstOrDefault(o => o.Therapy == Therapy.Alectinib);
        var adjuvantJp = Kb.Drug("alectinib")["approvals"]!.AsArray().Any(a =>
            a!["region"]!.GetValue<string>() == "JP" && a["status"]!.GetValue<string>() == "approved" && a["setting"]!.GetValue<string>() == "adjuvant");
        if (alectinib is not null && !adjuvantJp)
        {
            Assert.Matches("off-label|not known|not approved", alectinib.Rationale);
        }
    }

    // 5. Toxicity rows agree with their rules

    private static ToxicityRow Bradycardia(int grade, string medications) =>
        Assert.Single(Cases.Evaluate($$"""{ "history": [ { "therapy": "crizotinib", "start": "2025-01", "stopReason": "ongoing" } ], "adverseEvents": [ { "therapy": "crizotinib", "event": "bradycardia", "grade": {{grade}} } ], "medications": {{medications}} }""").ToxicityManagement);

    [Fact]
    public void Symptomatic_grade_3_bradycardia_on_crizotinib_without_co_medication_holds_then_resumes_one_level_lower()
    {
        var row = Bradycardia(3, "[]");

        Assert.Equal(ToxicityAction.HoldThenReduce, row.Action);
        Assert.Equal("200 mg twice daily", row.Dose);
        Assert.Contains("No medication of the contributing classes", row.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Symptomatic_grade_3_bradycardia_on_crizotinib_with_a_beta_blocker_holds_and_resumes_at_the_previous_dose_if_it_is_stopped()
    {
        var row = Bradycardia(3, """["metoprolol"]""");

        Assert.Equal(ToxicityAction.Hold, row.Action);
        Assert.StartsWith("250 mg twice daily", row.Dose, StringComparison.Ordinal);
        Assert.Contains("metoprolol", row.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_4_bradycardia_on_crizotinib_discontinues_without_co_medication_and_resumes_at_250_mg_once_daily_with_one()
    {
        Assert.Equal(ToxicityAction.Discontinue, Bradycardia(4, "[]").Action);

        var withBetaBlocker = Bradycardia(4, """["metoprolol"]""");
        Assert.Equal(ToxicityAction.HoldThenReduce, withBetaBlocker.Action);
        Assert.Equal("250 mg once daily", withBetaBlocker.Dose);
    }

    [Fact]
    public void Every_toxicity_rule_that_resumes_reduced_holds_then_reduces()
    {
        foreach (var table in Kb.Folder("toxicity"))
        {
            foreach (var rule in table["rules"]!.AsArray())
            {
                var reduces = rule!["action"]!.GetValue<string>() is "hold-then-reduce" or "reduce";
                Assert.True(reduces == (rule["resume"]!.GetValue<string>() == "reduced"), $"{rule["id"]}: action and resume disagree");
            }
        }
    }

    // 6. Prior drug-induced pneumonitis counts as ILD

    [Fact]
    public void Prior_pneumonitis_entered_as_an_adverse_event_ranks_the_next_tki_as_if_ild_were_a_comorbidity()
    {
        const string history = """ "history": [ { "therapy": "alectinib", "start": "2025-01", "end": "2025-03", "stopReason": "intolerance" } ] """;
        var asEvent = Cases.Evaluate($$"""{ {{history}}, "adverseEvents": [ { "therapy": "alectinib", "event": "pneumonitis", "grade": 2 } ] }""");
        var asComorbidity = Cases.Evaluate($$"""{ {{history}}, "comorbidities": ["interstitial-lung-disease"] }""");

        Assert.Equal(asComorbidity.Options(), asEvent.Options());
        Assert.Contains("SYS-COMORB-002", asEvent.Rules());
        var brigatinib = asEvent.SystemicTherapy.Options.FirstOrDefault(o => o.Therapy == Therapy.Brigatinib);
        if (brigatinib is not null)
        {
            Assert.Contains("interstitial lung disease", brigatinib.Rationale, StringComparison.Ordinal);
        }
    }

    // 7. References belong to the driver

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "history": [ { "therapy": "alectinib", "start": "2020-01", "end": "2023-01", "stopReason": "progression", "progressionPattern": "systemic" } ] }""")]
    [InlineData("""{ "history": [ { "therapy": "alectinib", "start": "2020-01", "end": "2023-01", "stopReason": "progression", "progressionPattern": "systemic" }, { "therapy": "lorlatinib", "start": "2023-02", "end": "2025-01", "stopReason": "progression", "progressionPattern": "systemic" } ] }""")]
    [InlineData("""{ "disease": { "brainMetastases": { "present": true, "count": 3 } }, "context": { "unavailable": ["alectinib", "lorlatinib"] } }""")]
    public void Alk_answers_never_cite_trident_1_or_another_ros1_only_trial(string overrides)
    {
        var r = Cases.Evaluate(overrides);

        var cited = r.SystemicTherapy.Options.SelectMany(o => o.References).Concat(r.SystemicTherapy.Avoid.SelectMany(a => a.References ?? [])).ToList();
        Assert.DoesNotContain("seed-27", cited);
        foreach (var id in cited)
        {
            Assert.False(Ros1Only.Contains(id), $"{id} is tied only to ROS1 records, yet cited in an ALK answer");
        }
    }

    [Fact]
    public void Ros1_brain_metastases_rationale_for_crizotinib_does_not_cite_alk_trials()
    {
        var r = Cases.Evaluate($$"""{ "tests": {{Cases.Ros1Tests}}, "disease": { "brainMetastases": { "present": true, "count": 2 } }, "context": { "available": ["crizotinib", "platinum-pemetrexed"] } }""");

        var crizotinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Crizotinib);
        Assert.DoesNotContain("ALEX", crizotinib.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("seed-17", crizotinib.References);
    }

    /// <summary>Trials and studies that only ROS1 records (tables, resistance rows) cite.</summary>
    private static readonly HashSet<string> Ros1Only = RefsOnlyOf("ROS1");

    private static HashSet<string> RefsOnlyOf(string gene)
    {
        var byGene = new Dictionary<string, HashSet<string>>();
        void Tie(string g, IEnumerable<string> ids)
        {
            foreach (var id in ids)
            {
                (byGene.TryGetValue(id, out var s) ? s : byGene[id] = []).Add(g);
            }
        }

        foreach (var t in Kb.Folder("regimens").Where(t => t["driver"]!.GetValue<string>() is "ALK" or "ROS1"))
        {
            Tie(t["driver"]!.GetValue<string>(), [t["guideline"]!.GetValue<string>(), .. Kb.Strings(t["sources"]), .. t["entries"]!.AsArray().SelectMany(e => Kb.Strings(e!["references"]))]);
        }

        foreach (var row in Kb.Folder(Path.Combine("resistance", "mutations")))
        {
            Tie(row["gene"]!.GetValue<string>(), [.. Kb.Strings(row["sources"]), .. row["cells"]!.AsArray().SelectMany(c => Kb.Strings(c!["sources"]))]);
        }

        // Trials and studies belong to a driver; labels, guidelines and reviews speak of the drug or of both kinases.
        return [.. byGene.Where(x => x.Value.Count == 1 && x.Value.Contains(gene) && Kb.File(Path.Combine("references", x.Key + ".json"))["kind"]!.GetValue<string>() is "trial" or "study").Select(x => x.Key)];
    }

    [Fact]
    public void A_switch_after_brigatinib_pneumonitis_says_the_pneumonitis_is_weighed_not_a_pre_existing_lung_disease()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "brigatinib", "start": "2023-03-01", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "brigatinib", "event": "pneumonitis", "grade": 3 } ] }
            """);

        var alectinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Alectinib);
        Assert.Contains("the grade 3 pneumonitis on brigatinib is weighed as interstitial lung disease", alectinib.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void A_switch_after_grade_4_bradycardia_on_alectinib_says_the_next_TKIs_bradycardia_caution()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "alectinib", "start": "2023-03-01", "end": "2024-01-10", "stopReason": "intolerance" } ],
              "adverseEvents": [ { "therapy": "alectinib", "event": "bradycardia", "grade": 4 } ] }
            """);

        var brigatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Brigatinib);
        Assert.Contains("the grade 4 bradycardia on alectinib is weighed as bradycardia for this caution — brigatinib can cause bradycardia", brigatinib.Rationale, StringComparison.Ordinal);
        Assert.Contains("SYS-COMORB-002", r.Rules());
    }

    [Fact]
    public void An_asymptomatic_grade_1_bradycardia_is_not_weighed_as_a_comorbidity()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "alectinib", "start": "2023-03-01", "end": "2024-01-10", "stopReason": "intolerance" } ],
              "adverseEvents": [ { "therapy": "alectinib", "event": "bradycardia", "grade": 1 } ] }
            """);

        Assert.DoesNotContain(r.SystemicTherapy.Options, o => o.Rationale.Contains("weighed as bradycardia", StringComparison.Ordinal));
    }
}
