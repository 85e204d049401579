using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-LABEL-001 (issue #17 section 3, the zidesamtinib US decision): a TKI that no guideline table places but whose label
/// in the case's region covers treatment after a prior inhibitor is offered as a label-based, certain-circumstances
/// option — zidesamtinib in the US from its approval on 2026-07-22 — after the guideline's options, saying what is not
/// recorded (guideline placement, activity against the mutation found, the label's dose and safety facts).
/// </summary>
public sealed class LabelBasedOptionTests
{
    private static readonly DateOnly ApprovalDay = new(2026, 7, 22);

    private static string Ros1After(string drug, string region = "US", string[]? mutations = null)
    {
        var tests = mutations is null ? Cases.Ros1Tests : $"[ {Cases.Ros1Tests[1..^1]}, {Cases.ProgressionTest("ROS1", mutations)} ]";
        return $$"""
            { "tests": {{tests}},
              "history": [ { "therapy": "{{drug}}", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ],
              "context": { "region": "{{region}}" } }
            """;
    }

    private static TherapyOption Zidesamtinib(Result r) => Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Zidesamtinib);

    [Theory]
    [InlineData("2026-07-22")]
    [InlineData("2026-08-01")]
    [InlineData("2026-12-06")]
    public void ROS1_G2032R_after_crizotinib_in_US_after_July_2026_lists_zidesamtinib(string day)
    {
        var r = Cases.Evaluate(Ros1After("crizotinib", mutations: ["G2032R"]), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        var z = Zidesamtinib(r);
        Assert.Equal(Preference.CertainCircumstances, z.Preference);
        Assert.Contains("G2032R", z.Rationale, StringComparison.Ordinal);
        Assert.Contains("label-based option", z.Rationale, StringComparison.Ordinal);
        Assert.Contains("approved on 2026-07-22", z.Rationale, StringComparison.Ordinal);
        Assert.Contains("no NCCN or ESMO placement recorded", z.Rationale, StringComparison.Ordinal);
        Assert.Contains("SYS-LABEL-001", r.Rules());
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void ROS1_G2032R_after_crizotinib_before_zidesamtinib_data_were_published_neither_lists_nor_avoids_it()
    {
        // SYS-DATE-001: on 2025-06-20 its G2032R activity (ARROS-1, WCLC September 2025) was not yet published.
        var r = Cases.Evaluate(Ros1After("crizotinib", mutations: ["G2032R"]), new DateOnly(2025, 6, 20));

        Assert.DoesNotContain("zidesamtinib", r.Options());
        Assert.DoesNotContain(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Zidesamtinib);
        Assert.Contains(r.Trace, t => t.Rule == "SYS-DATE-001" && t.Detail.Contains("zidesamtinib against G2032R", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-07-21")]
    public void ROS1_G2032R_after_crizotinib_in_US_before_approval_does_not_list_zidesamtinib(string day)
    {
        var r = Cases.Evaluate(Ros1After("crizotinib", mutations: ["G2032R"]), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.DoesNotContain("zidesamtinib", r.Options());
        // The genotype rule still accounts for it (the G2032R cell rates it sensitive): avoided as investigational on that
        // day (approved nowhere yet, SYS-ACCESS-005), with the approval date that came later.
        var avoided = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Zidesamtinib);
        Assert.Contains($"investigational on {day}", avoided.Reason, StringComparison.Ordinal);
        Assert.Contains("2026-07-22", avoided.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Guideline_preferred_options_stay_ahead_of_zidesamtinib_for_G2032R()
    {
        var r = Cases.Evaluate(Ros1After("crizotinib", mutations: ["G2032R"]), ApprovalDay);

        Assert.Contains(r.First(), new[] { "repotrectinib", "taletrectinib" });
        var options = r.Options().ToList();
        Assert.True(options.IndexOf("zidesamtinib") > options.IndexOf("repotrectinib"));
        Assert.True(options.IndexOf("zidesamtinib") > options.IndexOf("taletrectinib"));
        // Approved for exactly this setting, it comes before the off-label genotype-directed cabozantinib.
        Assert.True(options.IndexOf("zidesamtinib") < options.IndexOf("cabozantinib"));
    }

    [Fact]
    public void ROS1_G2032R_after_lorlatinib_in_US_ranks_repotrectinib_before_zidesamtinib_whose_label_is_unread()
    {
        // After lorlatinib no guideline table places either drug: both come as certain-circumstances options active
        // against G2032R. Zidesamtinib's label (dose, toxicity, comorbidity facts) is not read, so the patient-factor key
        // must not favour it for what is missing: the approved drug with a read label leads.
        var r = Cases.Evaluate(Ros1After("lorlatinib", mutations: ["G2032R"]), new DateOnly(2026, 12, 6));

        var options = r.Options().ToList();
        Assert.Contains("zidesamtinib", options);
        Assert.NotEqual("zidesamtinib", r.First());
        Assert.True(options.IndexOf("zidesamtinib") > options.IndexOf("repotrectinib"));
        Assert.Contains(r.Trace, t => t.Rule == "SYS-RANK-001" && t.Detail.Contains("regional approval and a label the knowledge base has read", StringComparison.Ordinal));
    }

    [Fact]
    public void ROS1_progression_after_crizotinib_without_genotyping_lists_zidesamtinib_after_the_guideline_options()
    {
        var r = Cases.Evaluate(Ros1After("crizotinib"), ApprovalDay);

        Assert.Equal("zidesamtinib", r.Options()[^1]);
        Assert.All(r.SystemicTherapy.Options.Where(o => o.Therapy != Therapy.Zidesamtinib),
            o => Assert.NotEqual(Preference.CertainCircumstances, o.Preference));
        Assert.DoesNotContain("active against", Zidesamtinib(r).Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void ROS1_D2033N_after_crizotinib_says_zidesamtinib_activity_against_it_is_not_recorded()
    {
        var r = Cases.Evaluate(Ros1After("crizotinib", mutations: ["D2033N"]), ApprovalDay);

        Assert.Contains("its activity against D2033N is not recorded in the knowledge base", Zidesamtinib(r).Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void ROS1_L2086F_after_repotrectinib_avoids_zidesamtinib_and_offers_cabozantinib()
    {
        var r = Cases.Evaluate(Ros1After("repotrectinib", mutations: ["L2086F"]), ApprovalDay);

        Assert.Equal("cabozantinib", r.First());
        Assert.DoesNotContain("zidesamtinib", r.Options());
        Assert.Contains("zidesamtinib", r.Avoid());
    }

    [Fact]
    public void ROS1_progression_on_taletrectinib_in_US_keeps_chemotherapy_first_with_zidesamtinib_beside_it()
    {
        var r = Cases.Evaluate(Ros1After("taletrectinib"), ApprovalDay);

        Assert.Equal("post-targeted", r.Setting());
        Assert.Contains("platinum-pemetrexed", r.Preferred());
        Assert.Equal("zidesamtinib", r.Options()[^1]);
        var warning = Assert.Single(r.Warnings, w => w.Code == "no-targeted-option");
        Assert.Contains("zidesamtinib as a label-based option beside it", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void At_ECOG_3_after_taletrectinib_best_supportive_care_stays_beside_zidesamtinib()
    {
        var r = Cases.Evaluate($$"""{ "patient": { "ecog": 3 }, {{Ros1After("taletrectinib")[1..]}}""", ApprovalDay);

        Assert.Contains("best-supportive-care", r.Preferred());
        Assert.Contains("zidesamtinib", r.Options());
        Assert.True(r.Options().ToList().IndexOf("best-supportive-care") < r.Options().ToList().IndexOf("zidesamtinib"));
    }

    [Fact]
    public void ROS1_G2032R_after_crizotinib_in_EU_in_2024_neither_offers_nor_avoids_zidesamtinib_whose_data_came_later()
    {
        // Its G2032R activity was first published in September 2025 (SYS-DATE-001): in 2024 it is not a drug to weigh.
        var r = Cases.Evaluate(Ros1After("crizotinib", "EU", ["G2032R"]), new DateOnly(2024, 3, 1));

        Assert.DoesNotContain("zidesamtinib", r.Options());
        Assert.DoesNotContain(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Zidesamtinib);
        Assert.Contains(r.Trace, t => t.Rule == "SYS-DATE-001" && t.Detail.Contains("zidesamtinib", StringComparison.Ordinal));
    }

    [Fact]
    public void Progression_on_zidesamtinib_does_not_offer_it_again()
    {
        var r = Cases.Evaluate(Ros1After("zidesamtinib"), new DateOnly(2026, 12, 6));

        Assert.DoesNotContain("zidesamtinib", r.Options());
        Assert.Contains("zidesamtinib", r.Avoid());
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("JP")]
    public void ROS1_progression_after_crizotinib_outside_the_US_does_not_list_zidesamtinib(string region)
    {
        var r = Cases.Evaluate(Ros1After("crizotinib", region), new DateOnly(2026, 12, 6));

        Assert.DoesNotContain("zidesamtinib", r.Options());
        Assert.DoesNotContain("SYS-LABEL-001", r.Rules());
    }

    [Fact]
    public void Without_a_region_no_label_based_option_is_offered()
    {
        var json = Cases.Json(Ros1After("crizotinib"));
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node["context"]!.AsObject().Remove("region");
        var r = Cases.EvaluateJson(node.ToJsonString(), new DateOnly(2026, 12, 6));

        Assert.DoesNotContain("zidesamtinib", r.Options());
    }

    [Fact]
    public void First_line_ROS1_in_US_does_not_list_zidesamtinib()
    {
        var r = Cases.Evaluate($$"""{ "tests": {{Cases.Ros1Tests}} }""", new DateOnly(2026, 12, 6));

        Assert.DoesNotContain("zidesamtinib", r.Options());
        Assert.DoesNotContain("SYS-LABEL-001", r.Rules());
    }

    [Fact]
    public void Zidesamtinib_dosing_row_says_no_dose_is_recorded_and_the_option_names_the_unread_label_facts()
    {
        var r = Cases.Evaluate(Ros1After("crizotinib"), ApprovalDay);

        var dosing = Assert.Single(r.Dosing, d => d.Therapy == Therapy.Zidesamtinib);
        Assert.StartsWith("not recorded", dosing.Start, StringComparison.Ordinal);
        Assert.DoesNotContain(" mg", dosing.Start, StringComparison.Ordinal);
        Assert.Empty(dosing.Reductions);
        Assert.NotNull(dosing.Caveat);
        Assert.Contains("has not read its label's dose, dose modifications for adverse events, drug interactions or warnings and monitoring",
            Zidesamtinib(r).Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_of_drugs_whose_labels_were_read_name_no_unread_label_facts()
    {
        var r = Cases.Evaluate(Ros1After("crizotinib"), ApprovalDay);

        Assert.All(r.SystemicTherapy.Options.Where(o => o.Therapy != Therapy.Zidesamtinib),
            o => Assert.DoesNotContain("has not read its label", o.Rationale, StringComparison.Ordinal));
    }

    private static string Ros1AfterCrizotinibThenLorlatinib(string region = "US") => $$"""
        { "tests": {{Cases.Ros1Tests}},
          "history": [ { "therapy": "crizotinib", "start": "2019-01", "end": "2021-06", "stopReason": "progression", "progressionPattern": "systemic" },
                       { "therapy": "lorlatinib", "start": "2021-07", "end": "2023-09", "stopReason": "progression", "progressionPattern": "systemic" } ],
          "context": { "region": "{{region}}" } }
        """;

    [Fact]
    public void ROS1_after_crizotinib_then_lorlatinib_offers_the_TKIs_labelled_with_or_without_a_prior_ROS1_TKI()
    {
        // No guideline table answers progression on lorlatinib for ROS1; repotrectinib's and taletrectinib's US labels cover
        // use after any prior ROS1 TKI, so the plan stays targeted on their labels (SYS-LABEL-004) before chemotherapy.
        var r = Cases.Evaluate(Ros1AfterCrizotinibThenLorlatinib());

        Assert.Equal("subsequent-targeted", r.Setting());
        Assert.Equal(["repotrectinib", "taletrectinib"], r.Options().Take(2));
        var repotrectinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Repotrectinib);
        Assert.Equal(Preference.CertainCircumstances, repotrectinib.Preference);
        Assert.Contains("approved in US for use after lorlatinib", repotrectinib.Rationale, StringComparison.Ordinal);
        Assert.Contains("no guideline table in the knowledge base answers progression on lorlatinib", repotrectinib.Rationale, StringComparison.Ordinal);
        Assert.Contains("SYS-LABEL-004", r.Rules());
    }

    [Fact]
    public void ROS1_after_crizotinib_then_lorlatinib_before_repotrectinibs_approval_goes_to_chemotherapy()
    {
        var r = Cases.Evaluate(Ros1AfterCrizotinibThenLorlatinib(), new DateOnly(2023, 10, 1));

        Assert.Equal("post-targeted", r.Setting());
        Assert.DoesNotContain("repotrectinib", r.Options());
        Assert.DoesNotContain("SYS-LABEL-004", r.Rules());
    }

    private const string CrizotinibIntolerance = """
        { "history": [ { "therapy": "crizotinib", "start": "2015-10", "end": "2016-01", "stopReason": "intolerance" } ],
          "adverseEvents": [ { "therapy": "crizotinib", "event": "alt-ast-elevation", "grade": 3 } ] }
        """;

    [Fact]
    public void Crizotinib_stopped_for_intolerance_in_2016_offers_the_labels_written_for_intolerance_to_it()
    {
        var r = Cases.Evaluate(CrizotinibIntolerance, new DateOnly(2016, 6, 1));

        Assert.Equal(Setting.FirstLine, r.SystemicTherapy.Setting);
        var offered = r.SystemicTherapy.Options.Select(o => o.Therapy).ToList();
        Assert.Contains(Therapy.Alectinib, offered);
        Assert.Contains(Therapy.Ceritinib, offered);
        Assert.Contains("could not tolerate it", r.SystemicTherapy.Options.Single(o => o.Therapy == Therapy.Alectinib).Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_say_whether_they_cover_intolerance_to_the_TKI_they_follow()
    {
        // Lorlatinib's 2019 EU label is for progression after alectinib or ceritinib; alectinib's 2015 US label for
        // patients who progressed on or could not tolerate crizotinib.
        var kb = Knowledge.Loading.KnowledgeLoader.Embedded;
        var lorlatinibEu = kb.Drug(Therapy.Lorlatinib).Approvals.Single(a => a.Id == "lorlatinib-eu-alk-subsequent");
        var alectinibUs = kb.Drug(Therapy.Alectinib).Approvals.Single(a => a.Id == "alectinib-us-alk-subsequent");

        Assert.False(lorlatinibEu.AfterIntolerance);
        Assert.True(alectinibUs.AfterIntolerance);
    }

    [Theory]
    [InlineData("US", true)]
    [InlineData("EU", true)]
    [InlineData("JP", false)]
    public void Resected_ALK_between_adjuvant_tables_offers_adjuvant_alectinib_where_its_label_is_in_force(string region, bool offered)
    {
        // 2024-07-01: the pre-ALINA table ended on the US approval (2024-04-18) and the next table held applies from its
        // guideline's publication (2025-06-20); the adjuvant approvals: US 2024-04-18, EU 2024-06-06, JP 2024-08-28.
        var r = Cases.Evaluate($$"""
            { "tumor": { "histology": "adenocarcinoma", "stage": "IIIA", "resected": true }, "context": { "region": "{{region}}" },
              "disease": { "brainMetastases": { "present": false }, "sites": [] } }
            """, new DateOnly(2024, 7, 1));

        Assert.Equal(Setting.Adjuvant, r.SystemicTherapy.Setting);
        Assert.Equal(offered, r.SystemicTherapy.Options.Any(o => o.Therapy == Therapy.Alectinib));
        if (offered)
        {
            Assert.Contains("adjuvant use after complete resection", r.SystemicTherapy.Options.Single(o => o.Therapy == Therapy.Alectinib).Rationale, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("JP", true)]
    [InlineData("US", false)]
    public void After_alectinib_intolerance_a_label_covering_intolerance_is_offered_beside_the_first_line_table(string region, bool offered)
    {
        // SYS-LABEL-005, January 2020: the first-line table in force does not list lorlatinib; its Japanese label (2018-09-21)
        // covers patients resistant or intolerant to an ALK TKI, the US label (2018-11-02) progression only.
        var r = Cases.Evaluate($$"""
            { "context": { "region": "{{region}}" },
              "history": [ { "therapy": "alectinib", "start": "2019-05", "end": "2019-07", "stopReason": "intolerance" } ],
              "adverseEvents": [ { "therapy": "alectinib", "event": "pneumonitis", "grade": 3 } ] }
            """, new DateOnly(2020, 1, 15));

        Assert.Equal(Setting.FirstLine, r.SystemicTherapy.Setting);
        var lorlatinib = r.SystemicTherapy.Options.SingleOrDefault(o => o.Therapy == Therapy.Lorlatinib);
        Assert.Equal(offered, lorlatinib is not null);
        if (lorlatinib is not null)
        {
            Assert.Equal(Preference.CertainCircumstances, lorlatinib.Preference);
            Assert.Contains("approved in JP for use after alectinib, for patients whose disease progressed on it or who could not tolerate it", lorlatinib.Rationale, StringComparison.Ordinal);
            Assert.Contains("SYS-LABEL-005", r.Rules());
        }
    }

    [Theory]
    [InlineData("2023-11-20")]
    [InlineData("2023-12-25")]
    public void ROS1_after_crizotinib_in_US_between_repotrectinib_approval_and_the_table_that_lists_it_offers_repotrectinib(string day)
    {
        // The 2024 table that places repotrectinib does not apply yet; it once hid the drug approved on 2023-11-15 for
        // exactly this patient (placed "in any version" of a table).
        var r = Cases.Evaluate(Ros1After("crizotinib"), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        var repo = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Repotrectinib);
        Assert.Contains("label-based option", repo.Rationale, StringComparison.Ordinal);
        Assert.Contains("SYS-LABEL-001", r.Rules());
    }

    [Fact]
    public void ALK_after_alectinib_in_China_is_not_offered_ensartinib_on_its_first_line_label()
    {
        // Ensartinib's Chinese labels are for first-line use and for use after crizotinib: neither covers use after
        // alectinib, so no label-based option is written for it.
        var r = Cases.Evaluate($$"""
            { "history": [ { "therapy": "alectinib", "start": "2021-01", "end": "2024-01", "stopReason": "progression", "progressionPattern": "systemic" } ],
              "context": { "region": "CN" } }
            """, new DateOnly(2024, 3, 1));

        Assert.DoesNotContain(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Ensartinib && o.Rationale.Contains("label-based option", StringComparison.Ordinal));
    }

    [Fact]
    public void ALK_after_crizotinib_in_China_offers_ensartinib_on_its_label_written_for_use_after_crizotinib()
    {
        var r = Cases.Evaluate($$"""
            { "history": [ { "therapy": "crizotinib", "start": "2019-01", "end": "2021-03", "stopReason": "progression", "progressionPattern": "systemic" } ],
              "context": { "region": "CN" } }
            """, new DateOnly(2021, 6, 1));

        var ensartinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Ensartinib);
        Assert.Contains("label-based option", ensartinib.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_for_use_after_crizotinib_in_patients_intolerant_to_it_is_on_label_after_crizotinib_intolerance()
    {
        // US, March 2017: alectinib's 2015 label covers patients who progressed on or could not tolerate crizotinib; it
        // was called "not this patient's sequence: off-label" (twice) for a patient who stopped crizotinib for liver toxicity.
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "crizotinib", "start": "2016-10", "end": "2016-12", "stopReason": "intolerance" } ],
              "adverseEvents": [ { "therapy": "crizotinib", "event": "alt-ast-elevation", "grade": 4 } ] }
            """, new DateOnly(2017, 3, 10));

        var alectinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Alectinib);
        Assert.DoesNotContain("off-label", alectinib.Rationale, StringComparison.Ordinal);
        Assert.Contains("could not tolerate it, as this patient could not", alectinib.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void An_off_label_option_no_guideline_placed_is_not_called_guideline_supported()
    {
        // Cabozantinib for ROS1 G2032R (in-vitro data) in the EU in 2024 read "off-label; guideline-supported".
        var r = Cases.Evaluate(Ros1After("crizotinib", region: "EU", mutations: ["G2032R"]), new DateOnly(2024, 6, 1));

        var cabozantinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Cabozantinib);
        Assert.DoesNotContain("guideline-supported", cabozantinib.Rationale, StringComparison.Ordinal);
        Assert.Contains("(off-label)", cabozantinib.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approval_for_another_kinase_is_not_described_as_a_sequence_the_patient_falls_outside()
    {
        // Lorlatinib's EU approvals are for ALK; a ROS1 patient read "its EU approval after a prior inhibitor is written
        // for use after alectinib or ceritinib ... which is not this patient's sequence".
        var r = Cases.Evaluate(Ros1After("crizotinib", region: "EU"), new DateOnly(2025, 10, 1));

        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Lorlatinib);
        Assert.Contains("marketed in EU for ALK-positive NSCLC but not approved for ROS1-positive disease", lorlatinib.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("not this patient's sequence", lorlatinib.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_only_for_use_after_a_prior_inhibitor_is_described_as_such_in_first_line()
    {
        // EU, June 2021: lorlatinib's EU label was for use after a prior inhibitor (first-line came in 2022).
        var r = Cases.Evaluate("""{ "context": { "region": "EU" } }""", new DateOnly(2021, 6, 1));

        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Lorlatinib);
        Assert.Contains("is for use after a prior inhibitor, not for a patient who has had none: off-label here", lorlatinib.Rationale, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("US", "2025-03-01")]
    [InlineData("CN", "2022-06-01")]
    [InlineData("CN", "2024-06-01")]
    public void Progression_on_first_line_ensartinib_before_a_table_names_it_offers_lorlatinib_on_its_unrestricted_label(string region, string day)
    {
        // Ensartinib is a second-generation inhibitor; the tables before NCCN v5.2025 answer progression on alectinib,
        // brigatinib or ceritinib only. Lorlatinib's US (2021) and Chinese (2022) labels have no line restriction: only
        // chemotherapy was offered.
        var r = Cases.Evaluate($$"""
            { "history": [ { "therapy": "ensartinib", "start": "2021-04", "end": "2022-05", "stopReason": "progression", "progressionPattern": "systemic" } ],
              "context": { "region": "{{region}}" } }
            """, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Lorlatinib);
        Assert.Equal(Therapy.Lorlatinib, r.SystemicTherapy.Options[0].Therapy);
        Assert.Contains("no line restriction, which covers this patient after ensartinib", lorlatinib.Rationale, StringComparison.Ordinal);
        // The chemotherapy beside it names the label as its basis, not a genotype nobody tested.
        Assert.DoesNotContain(r.SystemicTherapy.Options, o => o.Rationale.Contains("which the genotype supports", StringComparison.Ordinal));
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void An_unrestricted_label_of_an_earlier_generation_is_no_answer_to_progression_on_a_later_one()
    {
        // Crizotinib's Chinese label has no line restriction either, but crizotinib is an earlier generation than
        // ensartinib: no answer to resistance, so it is not offered on that label.
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "ensartinib", "start": "2021-04", "end": "2022-05", "stopReason": "progression", "progressionPattern": "systemic" } ],
              "context": { "region": "CN" } }
            """, new DateOnly(2022, 6, 1));

        Assert.DoesNotContain(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Crizotinib && o.Rationale.Contains("no line restriction", StringComparison.Ordinal));
    }
}
