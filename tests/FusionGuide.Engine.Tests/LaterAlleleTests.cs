using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// DX-MUT-001: an earlier single finding that reappears inside a compound a later tissue test phased is judged as the
/// compound (Shaw 2016: C1156Y after crizotinib, then C1156Y+L1198F after lorlatinib restored crizotinib's activity).
/// </summary>
public class LaterAlleleTests
{
    private static string Shaw(string earlierDate, string laterDate, string laterSample = "tissue") => $$"""
        {
          "tests": [
            { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive", "date": "2012-01" },
            { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "timing": "progression", "result": "positive", "date": "{{earlierDate}}", "mutations": ["C1156Y"] },
            { "gene": "ALK", "method": "ngs-dna", "sample": "{{laterSample}}", "timing": "progression", "result": "positive", "date": "{{laterDate}}", "mutations": ["C1156Y", "L1198F"] }
          ],
          "history": [
            { "therapy": "crizotinib", "start": "2012-02", "end": "2013-06", "stopReason": "progression", "progressionPattern": "systemic" },
            { "therapy": "ceritinib", "start": "2013-07", "end": "2014-08", "stopReason": "progression", "progressionPattern": "systemic" },
            { "therapy": "lorlatinib", "start": "2014-09", "end": "2015-10", "stopReason": "progression", "progressionPattern": "systemic" }
          ]
        }
        """;

    [Fact]
    public void C1156Y_after_crizotinib_then_C1156Y_L1198F_after_lorlatinib_offers_crizotinib_again()
    {
        var r = Cases.Evaluate(Shaw("2013-06", "2015-11"));

        Assert.Contains("crizotinib", r.Options());
        Assert.DoesNotContain("crizotinib", r.Avoid());
        Assert.Contains("DX-MUT-001", r.Rules());
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void A_compound_dated_before_the_single_finding_does_not_replace_it()
    {
        // The dates say the single C1156Y came after the compound: it may be another clone, so it still counts.
        var r = Cases.Evaluate(Shaw("2016-03", "2015-11"));

        Assert.Contains("crizotinib", r.Avoid());
        Assert.DoesNotContain("DX-MUT-001", r.Rules());
    }

    [Fact]
    public void A_plasma_pair_cannot_replace_an_earlier_single_finding()
    {
        // Plasma NGS does not phase: C1156Y and L1198F may sit in different clones, so C1156Y still rules out crizotinib.
        var r = Cases.Evaluate(Shaw("2013-06", "2015-11", laterSample: "plasma"));

        Assert.Contains("crizotinib", r.Avoid());
        Assert.DoesNotContain("DX-MUT-001", r.Rules());
    }
}
