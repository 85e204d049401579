using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-STAGE-001/002: a stage I–III that is not resected is not read silently as metastatic disease. Untreated and with
/// no distant metastasis, the answer says curative-intent treatment comes first and gives the first-line TKIs only for
/// disease not amenable to it; with distant metastases recorded, the stage is contradicted and said to be.
/// </summary>
public sealed class StageIntentTests
{
    private const string NoDistantSites = """ "disease": { "brainMetastases": { "present": false }, "sites": [], "centralAirwayObstruction": false } """;

    [Theory]
    [InlineData("IA", "stereotactic radiotherapy")]
    [InlineData("IIB", "resection where operable")]
    [InlineData("IIIB", "definitive concurrent chemoradiotherapy")]
    public void Untreated_unresected_stage_I_to_III_is_told_curative_treatment_comes_first(string stage, string treatment)
    {
        var r = Cases.Evaluate($$"""{ "tumor": { "stage": "{{stage}}" }, {{NoDistantSites}} }""");

        Assert.Contains("curative-intent", r.WarningCodes());
        var warning = r.Warnings.Single(w => w.Code == "curative-intent").Message;
        Assert.Contains($"Stage {stage} ALK-positive", warning, StringComparison.Ordinal);
        Assert.Contains(treatment, warning, StringComparison.Ordinal);
        Assert.Contains("metastatic (US) or advanced (EU)", warning, StringComparison.Ordinal);
        Assert.Contains("SYS-STAGE-001", r.Rules());
        // The TKIs stay for the disease a tumour board finds not curable, and every option says for whom it is.
        Assert.Equal("first-line", r.Setting());
        Assert.NotEmpty(r.Options());
        Assert.All(r.SystemicTherapy.Options, o => Assert.Contains($"stage {stage} here: only if curative-intent treatment is not possible", o.Rationale, StringComparison.Ordinal));
    }

    [Fact]
    public void Stage_IIIB_with_bone_metastases_is_read_as_advanced_with_a_stage_warning()
    {
        var r = Cases.Evaluate("""{ "tumor": { "stage": "IIIB" }, "disease": { "sites": ["bone", "lymph-node"] } }""");

        Assert.Contains("stage-inconsistent", r.WarningCodes());
        Assert.DoesNotContain("curative-intent", r.WarningCodes());
        Assert.Contains("distant metastases are recorded (bone)", r.Warnings.Single(w => w.Code == "stage-inconsistent").Message, StringComparison.Ordinal);
        Assert.Contains("SYS-STAGE-002", r.Rules());
        Assert.All(r.SystemicTherapy.Options, o => Assert.DoesNotContain("curative-intent", o.Rationale, StringComparison.Ordinal));
    }

    [Fact]
    public void Brain_metastases_contradict_a_stage_II()
    {
        var r = Cases.Evaluate("""{ "tumor": { "stage": "IIA" }, "disease": { "brainMetastases": { "present": true, "count": 2, "symptomatic": false, "largestMm": 8 }, "sites": ["brain"] } }""");

        Assert.Contains("stage-inconsistent", r.WarningCodes());
        Assert.DoesNotContain("curative-intent", r.WarningCodes());
    }

    [Fact]
    public void A_stage_III_already_on_a_TKI_is_not_sent_back_to_curative_treatment()
    {
        var r = Cases.Evaluate($$"""
            { "tumor": { "stage": "IIIA" }, {{NoDistantSites}},
              "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """);

        Assert.DoesNotContain("curative-intent", r.WarningCodes());
        Assert.Equal("subsequent-targeted", r.Setting());
    }

    [Fact]
    public void Stage_IV_and_resected_stages_are_untouched()
    {
        Assert.DoesNotContain("curative-intent", Cases.Evaluate("{}").WarningCodes());
        Assert.DoesNotContain("curative-intent", Cases.Evaluate($$"""{ "tumor": { "stage": "IIB", "resected": true }, {{NoDistantSites}} }""").WarningCodes());
        Assert.DoesNotContain("SYS-STAGE-002", Cases.Evaluate($$"""{ "tumor": { "stage": "IIB", "resected": true }, "disease": { "sites": [] } }""").Rules());
    }

    [Fact]
    public void Stage_IIIA_after_completed_chemoradiotherapy_without_progression_is_told_the_options_are_for_recurrence()
    {
        var r = Cases.Evaluate("""
            { "tumor": { "histology": "adenocarcinoma", "stage": "IIIA" },
              "disease": { "brainMetastases": { "present": false }, "sites": ["lymph-node"] },
              "history": [ { "therapy": "platinum-pemetrexed", "start": "2026-07", "end": "2026-09", "stopReason": "completed" } ] }
            """);

        var warning = Assert.Single(r.Warnings, w => w.Code == "curative-intent");
        Assert.Contains("completed curative-intent treatment", warning.Message, StringComparison.Ordinal);
        Assert.All(r.SystemicTherapy.Options, o => Assert.Contains("at recurrence or progression", o.Rationale, StringComparison.Ordinal));
    }

    [Fact]
    public void Stage_IIIA_after_chemotherapy_that_progressed_is_treated_as_advanced_without_the_curative_warning()
    {
        var r = Cases.Evaluate("""
            { "tumor": { "histology": "adenocarcinoma", "stage": "IIIA" },
              "disease": { "brainMetastases": { "present": false }, "sites": ["lymph-node"] },
              "history": [ { "therapy": "platinum-pemetrexed", "start": "2026-07", "end": "2026-09", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """);

        Assert.DoesNotContain(r.Warnings, w => w.Code == "curative-intent");
    }

    [Fact]
    public void A_resected_stage_IIB_with_a_brain_metastasis_is_read_as_advanced_with_a_warning_not_adjuvant()
    {
        var r = Cases.Evaluate("""
            { "tumor": { "histology": "adenocarcinoma", "stage": "IIB", "resected": true },
              "disease": { "brainMetastases": { "present": true, "count": 1, "symptomatic": false, "largestMm": 8 }, "sites": ["brain"] } }
            """);

        Assert.NotEqual(Setting.Adjuvant, r.SystemicTherapy.Setting);
        Assert.Contains(r.Warnings, w => w.Code == "stage-inconsistent" && w.Message.Contains("marked resected", StringComparison.Ordinal));
        Assert.NotEmpty(r.BrainPlan ?? []);
    }
}
