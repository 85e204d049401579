using System.Text.RegularExpressions;
using CsCheck;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Domain;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Properties.Tests;

/// <summary>
/// Issue #20 item 7 over the synthetic cohort: no internal wording reaches what a clinician reads (the curation's
/// "the review's …", "(dup)", seed ids, a citation ending in "?", "recalled"), and the options' rationales carry no
/// trial figures (they are listed once in the evidence section).
/// </summary>
public sealed partial class ResultWordingProperties
{
    /// <summary>Cases drawn from the generator (evaluation only, no edits).</summary>
    public const int Cases = 1_500;

    [GeneratedRegex(@"the review's|\(dup\)|\bseed-\d+\b|[A-Za-z0-9)]\?(?=[\s,;:)]|$)|\brecalled\b", RegexOptions.IgnoreCase)]
    private static partial Regex InternalWording();

    /// <summary>A hazard ratio or "N vs M months": a trial's figures.</summary>
    [GeneratedRegex(@"\bHR\s?[0-9]|\d(\.\d+)?\s+vs\.?\s+\d+(\.\d+)?\s+months")]
    private static partial Regex TrialFigure();

    [Fact]
    public void No_internal_wording_and_no_trial_figures_in_what_a_clinician_reads()
    {
        long cases = 0;
        Gen.Select(Gen.ULong[0, 1_000_000], Gen.Long[0, 1_000_000])
            .Sample(
                (seed, index) =>
                {
                    Interlocked.Increment(ref cases);
                    var (c, notices) = World.RoundTrip(new CaseSynthesizer(World.Kb, seed).Make(index));
                    var (r, _) = World.Evaluate(c, notices);
                    var leaks = Prose(r).Where(t => InternalWording().IsMatch(t)).ToList();
                    Assert.True(leaks.Count == 0, "internal wording: " + string.Join("\n", leaks));
                    var figures = r.SystemicTherapy.Options.Where(o => TrialFigure().IsMatch(o.Rationale)).Select(o => o.Rationale).ToList();
                    Assert.True(figures.Count == 0, "trial figures in a rationale: " + string.Join("\n", figures));
                },
                iter: Cases,
                print: t => $"seed {t.Item1}, index {t.Item2}\n{ContractJson.Serialize(new CaseSynthesizer(World.Kb, t.Item1).Make(t.Item2), indented: false)}");
        CaseCount.Report(nameof(No_internal_wording_and_no_trial_figures_in_what_a_clinician_reads), cases, Cases);
    }

    [Theory]
    [InlineData("the review's preferred regimen")]
    [InlineData("TRIDENT-1 (dup)")]
    [InlineData("as in seed-22")]
    [InlineData("(Passiglia-2023-ESMO?)")]
    [InlineData("a recalled table")]
    public void The_scan_catches_each_kind_of_internal_wording(string text) => Assert.Matches(InternalWording(), text);

    [Fact]
    public void The_scan_leaves_ordinary_citations_alone() => Assert.DoesNotMatch(InternalWording(), "ESMO-2023; Gainor-2016 (Lin-2017-Targeting-ALK)");

    /// <summary>Every sentence of the result a clinician reads (the trace is the engine's own record and is left out).</summary>
    private static IEnumerable<string> Prose(Result r) =>
        new IEnumerable<string>[]
        {
            r.Diagnosis.NextTests.Select(t => t.Reason),
            r.Diagnosis.Warnings.Select(w => w.Message),
            r.SystemicTherapy.Options.Select(o => o.Rationale),
            r.SystemicTherapy.Avoid.Select(a => a.Reason),
            r.LocalTherapy.Select(l => l.Rationale),
            (r.BrainPlan ?? []).Select(b => b.Step),
            r.Dosing.Select(d => d.Start),
            r.ToxicityManagement.SelectMany(t => t.Supportive.Prepend(t.Dose ?? "").Append(t.Caveat ?? "")),
            r.Monitoring.Select(m => $"{m.Item}: {m.Schedule}"),
            r.Interactions.Select(i => i.Advice),
            r.Warnings.Select(w => w.Message),
            (r.Evidence ?? []).SelectMany(x => x.Figures.Append(x.Source).Append(x.AppliesTo)),
        }.SelectMany(x => x);
}
