using System.Text;
using System.Text.Json.Nodes;
using FusionGuide.Knowledge.Loading;
using static FusionGuide.Knowledge.Tests.EditedKnowledge;

namespace FusionGuide.Knowledge.Tests;

/// <summary>A broken knowledge base never loads: each defect is reported with its permanent code.</summary>
public sealed class ValidatorTests
{
    [Fact]
    public void Dangling_reference_is_KB003()
    {
        var r = LoadWith("drugs/lorlatinib.json", d => d["sources"]!.AsArray().Add("no-such-reference"));
        AssertCode(r, KnowledgeCodes.DanglingReference, "drugs/lorlatinib.json");
    }

    [Fact]
    public void Care_pathway_with_an_unknown_pathway_code_is_KB005()
    {
        var r = LoadWith("local/leptomeningeal.json", p => p["pathway"] = "lepto");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "local/leptomeningeal.json");
    }

    [Fact]
    public void Approval_written_for_use_after_an_unknown_therapy_is_KB005()
    {
        var r = LoadWith("drugs/ceritinib.json", d =>
        {
            var approval = d["approvals"]!.AsArray().Select(a => a!.AsObject()).First(a => (string?)a["id"] == "ceritinib-us-alk-subsequent");
            approval["after"] = new JsonArray("crizotinb");
        });
        AssertCode(r, KnowledgeCodes.UnknownTerm, "drugs/ceritinib.json");
    }

    [Fact]
    public void Approval_sequence_naming_an_unknown_therapy_is_KB005()
    {
        var r = LoadWith("drugs/lorlatinib.json", d =>
        {
            var approval = d["approvals"]!.AsArray().Select(a => a!.AsObject()).First(a => (string?)a["id"] == "lorlatinib-us-alk-subsequent");
            approval["afterSequence"]![0]!["first"] = "crizotinb";
        });
        AssertCode(r, KnowledgeCodes.UnknownTerm, "drugs/lorlatinib.json");
    }

    [Fact]
    public void Approval_sequence_on_a_first_line_approval_is_KB018()
    {
        var r = LoadWith("drugs/lorlatinib.json", d =>
        {
            var approval = d["approvals"]!.AsArray().Select(a => a!.AsObject()).First(a => (string?)a["id"] == "lorlatinib-eu-alk-first-line");
            approval["afterSequence"] = new JsonArray(new JsonObject { ["first"] = "crizotinib", ["then"] = new JsonArray("brigatinib") });
        });
        AssertCode(r, KnowledgeCodes.SelfContradiction, "drugs/lorlatinib.json");
    }

    [Fact]
    public void Only_a_regional_dosing_record_saying_what_follows_an_interruption_may_lack_a_ladder()
    {
        var withoutText = LoadWith("drugs/alectinib.json", d =>
            d["dosing"]!.AsArray().Select(x => x!.AsObject()).First(x => (string?)x["id"] == "alectinib-dosing-jp-advanced").Remove("afterLastReduction"));
        AssertCode(withoutText, KnowledgeCodes.DrugWithoutDose, "drugs/alectinib.json");

        var defaultEmpty = LoadWith("drugs/alectinib.json", d =>
            d["dosing"]!.AsArray().Select(x => x!.AsObject()).First(x => (string?)x["id"] == "alectinib-dosing")["reductions"] = new JsonArray());
        AssertCode(defaultEmpty, KnowledgeCodes.DrugWithoutDose, "drugs/alectinib.json");

        var advancedOnlyWithoutRegion = LoadWith("drugs/alectinib.json", d =>
            d["dosing"]!.AsArray().Select(x => x!.AsObject()).First(x => (string?)x["id"] == "alectinib-dosing")["advancedOnly"] = true);
        AssertCode(advancedOnlyWithoutRegion, KnowledgeCodes.SelfContradiction, "drugs/alectinib.json");
    }

    [Fact]
    public void AfterIntolerance_on_an_approval_naming_no_TKI_is_KB018()
    {
        var r = LoadWith("drugs/lorlatinib.json", d =>
        {
            var approval = d["approvals"]!.AsArray().Select(a => a!.AsObject()).First(a => (string?)a["id"] == "lorlatinib-eu-alk-first-line");
            approval["afterIntolerance"] = true;
        });
        AssertCode(r, KnowledgeCodes.SelfContradiction, "drugs/lorlatinib.json");
    }

    [Fact]
    public void After_on_a_first_line_approval_is_KB018_but_allowed_on_an_advanced_one()
    {
        var firstLine = LoadWith("drugs/lorlatinib.json", d =>
        {
            var approval = d["approvals"]!.AsArray().Select(a => a!.AsObject()).First(a => (string?)a["id"] == "lorlatinib-eu-alk-first-line");
            approval["after"] = new JsonArray("crizotinib");
        });
        AssertCode(firstLine, KnowledgeCodes.SelfContradiction, "drugs/lorlatinib.json");

        // repotrectinib's US label, "with or without prior ROS1 TKI", carries 'after' on its advanced-disease approval.
        var advanced = LoadWith("drugs/repotrectinib.json", _ => { });
        Assert.NotNull(advanced.KnowledgeBase);
        Assert.DoesNotContain(advanced.Problems, p => p.File == "drugs/repotrectinib.json");
    }

    [Fact]
    public void Variant_marker_not_written_as_v_and_a_number_is_KB005()
    {
        var r = LoadWith("resistance/mutations/alk-g1202r.json", row => row["enrichedInVariant"]!["variant"] = "3a");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "resistance/mutations/alk-g1202r.json");
    }

    [Fact]
    public void Canonical_partner_written_in_lower_case_is_KB005()
    {
        // A case's fusionPartner is a gene symbol in capitals and the engine compares the two as written.
        var r = LoadWith("diagnostics/panel/panel-alk.json", p => p["canonicalPartners"]!["partners"]![0] = "eml4");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "diagnostics/panel/panel-alk.json");
    }

    [Fact]
    public void Canonical_partners_on_a_mutation_gene_are_refused()
    {
        var r = LoadWith("diagnostics/panel/panel-egfr.json", p => p["canonicalPartners"] = JsonNode.Parse("""{ "partners": ["KIF5B"], "sources": ["li-2021-uncommon-breakpoints"], "verified": false, "verificationNote": "test" }"""));
        AssertCode(r, KnowledgeCodes.MissingRequired, "diagnostics/panel/panel-egfr.json");
    }

    [Fact]
    public void Uncoded_regimens_named_for_a_genotype_condition_are_KB005()
    {
        // They are named by histology only; a genotype-directed condition would need a therapy code to test.
        var r = LoadWith("regimens/nccn-alk-post-targeted-2019.json", t => t["notCoded"]![0]!["condition"] = "genotype-directed");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "regimens/nccn-alk-post-targeted-2019.json");
    }

    [Fact]
    public void Surveillance_step_with_an_item_but_no_schedule_is_refused()
    {
        var r = LoadWith("local/deferred-radiotherapy.json", p => p["steps"]![0]!.AsObject().Remove("schedule"));
        AssertCode(r, KnowledgeCodes.MissingRequired, "local/deferred-radiotherapy.json");
    }

    [Fact]
    public void Care_step_without_a_source_is_refused()
    {
        var r = LoadWith("local/steroids-symptomatic.json", p => p["steps"]![0]!["sources"] = new JsonArray());
        AssertCode(r, KnowledgeCodes.WithoutSource, "local/steroids-symptomatic.json");
    }

    [Fact]
    public void Targeted_drug_without_reductions_is_KB004()
    {
        var r = LoadWith("drugs/alectinib.json", d => d["dosing"]![0]!["reductions"] = new JsonArray());
        AssertCode(r, KnowledgeCodes.DrugWithoutDose, "drugs/alectinib.json");
    }

    [Fact]
    public void Targeted_drug_without_dosing_and_without_dosingNotRead_is_KB004()
    {
        var r = LoadWith("drugs/zidesamtinib.json", d => d.Remove("dosingNotRead"));
        AssertCode(r, KnowledgeCodes.DrugWithoutDose, "drugs/zidesamtinib.json");
    }

    [Fact]
    public void Targeted_drug_with_dosingNotRead_and_a_dosing_record_is_KB004()
    {
        var r = LoadWith("drugs/alectinib.json", d => d["dosingNotRead"] = "not read");
        AssertCode(r, KnowledgeCodes.DrugWithoutDose, "drugs/alectinib.json");
    }

    [Fact]
    public void A_release_from_before_zidesamtinib_joined_the_vocabulary_loads_without_its_record()
    {
        var files = Files().Where(f => f.Path is not ("drugs/zidesamtinib.json" or "toxicity/zidesamtinib-toxicity.json")).ToList();
        var g2032r = files.FindIndex(f => f.Path == "resistance/mutations/ros1-g2032r.json");
        var row = JsonNode.Parse(files[g2032r].Bytes)!.AsObject();
        var cells = row["cells"]!.AsArray();
        cells.Remove(cells.Single(c => c!["drug"]!.GetValue<string>() == "zidesamtinib"));
        files[g2032r] = (files[g2032r].Path, Encoding.UTF8.GetBytes(row.ToJsonString()));
        // A release dated the day before it joined (the shipped release may be dated on or after that day).
        var m = files.FindIndex(f => f.Path == "manifest.json");
        var manifest = JsonNode.Parse(files[m].Bytes)!.AsObject();
        manifest["releaseDate"] = "2026-12-05";
        files[m] = (files[m].Path, Encoding.UTF8.GetBytes(manifest.ToJsonString()));
        Assert.Empty(KnowledgeLoader.Load(files).Problems);

        // From the day it joined, a release must have it.
        manifest["releaseDate"] = "2026-12-06";
        files[m] = (files[m].Path, Encoding.UTF8.GetBytes(manifest.ToJsonString()));
        Assert.Contains(KnowledgeLoader.Load(files).Problems, p => p.Code == KnowledgeCodes.MissingRequired && p.Message.Contains("'zidesamtinib'", StringComparison.Ordinal));
    }

    [Fact]
    public void Toxicity_rule_resuming_reduced_without_reducing_is_KB018()
    {
        var r = LoadWith("toxicity/crizotinib-toxicity.json", t =>
        {
            var rule = t["rules"]!.AsArray().First(x => x!["resume"]!.GetValue<string>() == "reduced")!;
            rule["action"] = "hold";
        });
        AssertCode(r, KnowledgeCodes.SelfContradiction, "toxicity/crizotinib-toxicity.json");
    }

    [Fact]
    public void Resensitises_record_for_a_drug_the_row_marks_resistant_is_KB018()
    {
        var r = LoadWith("resistance/mutations/alk-c1156y-l1198f.json", row => row["resensitises"]![0]!["drug"] = "lorlatinib");
        AssertCode(r, KnowledgeCodes.SelfContradiction, "resistance/mutations/alk-c1156y-l1198f.json");
    }

    [Fact]
    public void Duplicate_id_is_KB002()
    {
        var r = LoadWith("drugs/alectinib.json", d => d["monitoring"]![0]!["id"] = "lorlatinib-lipids");
        Assert.Contains(r.Problems, p => p.Code == KnowledgeCodes.DuplicateId);
    }

    [Fact]
    public void Unknown_vocabulary_term_is_KB005()
    {
        var r = LoadWith("drugs/lorlatinib.json", d => d["cautions"]![0]!["comorbidity"] = "gout");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "drugs/lorlatinib.json");
    }

    [Fact]
    public void A_trial_of_an_unknown_setting_or_driver_is_a_load_problem()
    {
        AssertCode(LoadWith("trials/crown.json", t => t["setting"] = "second-line"), KnowledgeCodes.UnknownTerm, "trials/crown.json");
        AssertCode(LoadWith("trials/crown.json", t => t["driver"] = "EGFR"), KnowledgeCodes.UnknownTerm, "trials/crown.json");
    }

    [Fact]
    public void A_trial_without_its_driver_or_setting_never_loads()
    {
        Assert.Null(LoadWith("trials/crown.json", t => t.Remove("driver")).KnowledgeBase);
        Assert.Null(LoadWith("trials/crown.json", t => t.Remove("setting")).KnowledgeBase);
    }

    [Fact]
    public void An_intracranial_summary_without_its_setting_is_a_load_problem()
    {
        var r = LoadWith("drugs/lorlatinib.json", d => d["cns"]!.AsObject().Remove("setting"));
        AssertCode(r, KnowledgeCodes.UnknownTerm, "drugs/lorlatinib.json");
    }

    [Fact]
    public void A_reference_declared_of_an_unknown_driver_is_a_load_problem()
    {
        var r = LoadWith("references/ros1-g2032r-preclinical-2019.json", d => d["driver"] = "ROS2");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "references/ros1-g2032r-preclinical-2019.json");
    }

    [Fact]
    public void Unknown_co_medication_group_is_a_load_problem()
    {
        var r = LoadWith("interactions/comedications/levetiracetam.json", d => d["group"] = "anticonvulsant");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "interactions/comedications/levetiracetam.json");
    }

    [Fact]
    public void Unknown_TKI_class_of_a_co_medication_rule_is_a_load_problem()
    {
        var r = LoadWith("interactions/comedications/lurasidone.json", d => d["rules"]![0]!["therapyClass"] = "strong-cyp3a-inhibitor");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "interactions/comedications/lurasidone.json");
    }

    [Fact]
    public void A_swap_to_a_medication_the_base_does_not_know_is_a_load_problem()
    {
        var r = LoadWith("interactions/comedications/clarithromycin.json", d => d["swap"]!["to"] = new JsonArray("azithromicin"));
        AssertCode(r, KnowledgeCodes.UnknownTerm, "interactions/comedications/clarithromycin.json");
    }

    [Fact]
    public void A_TKI_entered_in_the_co_medication_table_is_a_load_problem()
    {
        var r = LoadWith("interactions/comedications/levetiracetam.json", d => d["name"] = "lorlatinib");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "interactions/comedications/levetiracetam.json");
    }

    [Fact]
    public void Resistance_cell_without_source_is_KB011()
    {
        var r = LoadWith("resistance/mutations/alk-g1202r.json", d => d["cells"]![0]!["sources"] = new JsonArray());
        AssertCode(r, KnowledgeCodes.CellWithoutSource, "resistance/mutations/alk-g1202r.json");
    }

    private static JsonObject EvidenceItem(string reference = "label-us-lorlatinib", string url = "https://example.org/label") => new()
    {
        ["reference"] = reference,
        ["locator"] = "US PI §2.1",
        ["url"] = url,
        ["retrieved"] = "2026-12-05",
        ["says"] = "Recommended dose 100 mg once daily.",
    };

    [Fact]
    public void Fact_counted_as_verified_without_evidence_is_KB017()
    {
        var r = LoadWith("thresholds/oligometastatic-max-lesions.json", d =>
        {
            d.Remove("verified");
            d.Remove("verificationNote");
            d.Remove("evidence");
        });
        AssertCode(r, KnowledgeCodes.VerifiedWithoutEvidence, "thresholds/oligometastatic-max-lesions.json");
    }

    [Fact]
    public void Verified_dose_with_its_evidence_loads()
    {
        var r = LoadWith("drugs/lorlatinib.json", d =>
        {
            var dosing = d["dosing"]![0]!.AsObject();
            dosing["verified"] = true;
            dosing.Remove("verificationNote");
            dosing["evidence"] = new JsonArray(EvidenceItem());
            dosing["evidenceLevel"] = "primary";
        });
        Assert.Empty(r.Problems);
    }

    [Fact]
    public void Evidence_citing_an_unknown_reference_is_KB003()
    {
        var r = LoadWith("drugs/lorlatinib.json", d => d["dosing"]![0]!["evidence"] = new JsonArray(EvidenceItem(reference: "no-such-reference")));
        AssertCode(r, KnowledgeCodes.DanglingReference, "drugs/lorlatinib.json");
    }

    [Fact]
    public void Evidence_without_a_web_address_is_KB016()
    {
        var r = LoadWith("drugs/lorlatinib.json", d => d["dosing"]![0]!["evidence"] = new JsonArray(EvidenceItem(url: "javascript:alert(1)")));
        AssertCode(r, KnowledgeCodes.WeakEvidence, "drugs/lorlatinib.json");
    }

    [Fact]
    public void Secondary_evidence_from_one_source_is_KB016()
    {
        var r = LoadWith("drugs/lorlatinib.json", d =>
        {
            var dosing = d["dosing"]![0]!.AsObject();
            dosing["verified"] = true;
            dosing.Remove("verificationNote");
            dosing["evidence"] = new JsonArray(EvidenceItem());
            dosing["evidenceLevel"] = "secondary";
        });
        AssertCode(r, KnowledgeCodes.WeakEvidence, "drugs/lorlatinib.json");
    }

    [Fact]
    public void Verified_reference_a_reader_cannot_find_is_KB018()
    {
        var r = LoadWith("references/label-us-lorlatinib.json", d =>
        {
            d["url"] = null;
            d["citation"] = "A label, somewhere.";
            d["verified"] = true;
        });
        AssertCode(r, KnowledgeCodes.UnresolvableReference, "references/label-us-lorlatinib.json");
    }

    [Fact]
    public void Every_shipped_fact_is_verified_with_evidence_or_says_what_was_searched()
    {
        var kb = KnowledgeLoader.LoadDirectory(RepoPaths.Knowledge).KnowledgeBase!;
        foreach (var f in Audit.KnowledgeFacts.All(kb))
        {
            Assert.True(f.Status != Audit.FactStatus.Unverified ? f.Evidence.Count > 0 : !string.IsNullOrWhiteSpace(f.Note), $"{f.Folder}/{f.Id}");
        }
    }

    [Fact]
    public void Every_shipped_fact_has_an_id_no_other_fact_uses()
    {
        // The audit, the cohort exposure count and the unverified-knowledge trace all key facts by this id: two facts
        // sharing one (a drug's intracranial summary and a monitoring item both called entrectinib-cns) made a reviewer
        // edit the wrong record and let one hide the other in an answer's list of unverified facts.
        var kb = KnowledgeLoader.LoadDirectory(RepoPaths.Knowledge).KnowledgeBase!;
        var shared = Audit.KnowledgeFacts.All(kb).GroupBy(f => f.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => $"{f.Folder} {f.Kind}"))}").ToList();
        Assert.True(shared.Count == 0, string.Join("; ", shared));
    }

    [Fact]
    public void Unverified_fact_without_a_note_is_KB007()
    {
        var r = LoadWith("thresholds/oligometastatic-max-lesions.json", d => { d["verified"] = false; d.Remove("verificationNote"); });
        AssertCode(r, KnowledgeCodes.UnverifiedWithoutNote, "thresholds/oligometastatic-max-lesions.json");
    }

    [Fact]
    public void Record_without_source_is_KB006()
    {
        var r = LoadWith("rules/DX-FISH-001.json", d => d["sources"] = new JsonArray());
        AssertCode(r, KnowledgeCodes.WithoutSource, "rules/DX-FISH-001.json");
    }

    [Fact]
    public void Unknown_field_is_unreadable_KB001_so_typos_surface()
    {
        var r = LoadWith("drugs/lorlatinib.json", d => d["stratDose"] = "100 mg");
        AssertCode(r, KnowledgeCodes.Unreadable, "drugs/lorlatinib.json");
    }

    [Fact]
    public void Id_that_is_not_the_file_name_is_KB008()
    {
        var r = LoadWith("trials/crown.json", d => d["id"] = "crown-trial");
        AssertCode(r, KnowledgeCodes.IdNotFileName, "trials/crown.json");
    }

    [Fact]
    public void Empty_validity_range_is_KB009()
    {
        var r = LoadWith("regimens/nccn-alk-first-line-2025.json", d => d["validTo"] = "2025-01-01");
        AssertCode(r, KnowledgeCodes.BadDate, "regimens/nccn-alk-first-line-2025.json");
    }

    [Fact]
    public void Every_problem_is_listed_not_only_the_first()
    {
        var files = Files();
        var a = files.FindIndex(f => f.Path == "drugs/lorlatinib.json");
        var b = files.FindIndex(f => f.Path == "trials/crown.json");
        var drug = JsonNode.Parse(files[a].Bytes)!.AsObject();
        drug["sources"]!.AsArray().Add("missing-1");
        var trial = JsonNode.Parse(files[b].Bytes)!.AsObject();
        trial["sources"]!.AsArray().Add("missing-2");
        files[a] = (files[a].Path, Encoding.UTF8.GetBytes(drug.ToJsonString()));
        files[b] = (files[b].Path, Encoding.UTF8.GetBytes(trial.ToJsonString()));
        var r = KnowledgeLoader.Load(files);
        Assert.Contains(r.Problems, p => p.Message.Contains("missing-1", StringComparison.Ordinal));
        Assert.Contains(r.Problems, p => p.Message.Contains("missing-2", StringComparison.Ordinal));
    }

    [Fact]
    public void Problem_codes_are_unique()
    {
        var codes = typeof(KnowledgeCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
