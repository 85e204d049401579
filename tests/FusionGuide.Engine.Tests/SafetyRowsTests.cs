using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>Issue #23: monitoring for every option offered; toxicity rows only for a drug being taken.</summary>
public sealed class SafetyRowsTests
{
    [Fact]
    public void Monitoring_covers_every_option_offered_not_only_the_first()
    {
        var r = Cases.Evaluate("""{ "tumor": { "histology": "adenocarcinoma", "stage": "IVB" }, "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" } ] }""");

        Assert.True(r.SystemicTherapy.Options.Count > 1);
        var monitored = r.Monitoring.Select(m => m.Therapy).ToHashSet();
        foreach (var option in r.SystemicTherapy.Options.Where(o => o.Therapy is Therapy.Lorlatinib or Therapy.Alectinib or Therapy.Brigatinib))
        {
            Assert.Contains(option.Therapy, monitored);
        }
    }

    [Fact]
    public void The_same_event_entered_with_and_without_its_drug_is_one_toxicity_row()
    {
        var r = Cases.Evaluate("""
            { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" } ],
              "history": [ { "therapy": "alectinib", "start": "2025-01", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "event": "ck-elevation", "grade": 3 }, { "therapy": "alectinib", "event": "ck-elevation", "grade": 3 } ] }
            """);

        Assert.Single(r.ToxicityManagement, t => t.Therapy == Therapy.Alectinib && t.Grade == 3);
    }

    [Fact]
    public void An_event_on_a_drug_already_stopped_gives_no_toxicity_row()
    {
        var r = Cases.Evaluate("""
            { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" } ],
              "history": [ { "therapy": "crizotinib", "start": "2022-01", "end": "2022-06", "stopReason": "intolerance" },
                           { "therapy": "alectinib", "start": "2022-07", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "crizotinib", "event": "alt-ast-elevation", "grade": 3 } ] }
            """);

        Assert.DoesNotContain(r.ToxicityManagement, t => t.Therapy == Therapy.Crizotinib);
    }

    [Fact]
    public void An_event_on_the_drug_being_taken_keeps_its_toxicity_row()
    {
        var r = Cases.Evaluate("""
            { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" } ],
              "history": [ { "therapy": "alectinib", "start": "2022-07", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "alectinib", "event": "alt-ast-elevation", "grade": 3 } ] }
            """);

        Assert.Contains(r.ToxicityManagement, t => t.Therapy == Therapy.Alectinib);
    }
}
