using CsCheck;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Domain;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Properties.Tests;

/// <summary>
/// Issue #18 over generated cases aimed at its rules: a synthesised case given two TKI failures and a progression
/// genotype taken from the resistance table (C1156Y+L1198F among them), optionally a small-cell histology, a TKI stopped
/// for intolerance, a pneumonitis, and a region. Every invariant must hold, including <see cref="Invariants"/>' clinical
/// safety checks (re-challenge only on a resensitises record and never first; no TKI first in small-cell histology; no
/// approval covering a setting its label does not name; no reference of the other kinase).
/// </summary>
public sealed class ClinicalSafetyProperties
{
    /// <summary>Generated cases per run.</summary>
    public const int TargetedCases = 1_500;

    [Fact]
    public void Every_case_with_tki_failures_and_a_genotype_keeps_the_clinical_safety_rules()
    {
        long cases = 0;
        Gen.Select(Gen.ULong[0, 1_000_000], Gen.Long[0, 1_000_000], Gen.Int[0, 1 << 20].Array[6], Gen.Int[0, 31])
            .Sample(
                (seed, index, picks, flags) =>
                {
                    Interlocked.Increment(ref cases);
                    var (c, notices) = World.RoundTrip(Make(seed, index, picks, flags));
                    Invariants.Hold(c, notices, picks[0] % 1000);
                },
                iter: TargetedCases,
                print: t => $"seed {t.Item1}, index {t.Item2}, picks [{string.Join(", ", t.Item3)}], flags {t.Item4}\n" +
                            ContractJson.Serialize(Make(t.Item1, t.Item2, t.Item3, t.Item4), indented: false));
        CaseCount.Report(nameof(Every_case_with_tki_failures_and_a_genotype_keeps_the_clinical_safety_rules), cases, TargetedCases);
    }

    private static Case Make(ulong seed, long index, int[] picks, int flags)
    {
        var edits = new List<Edit>
        {
            new(EditKind.AddTkiProgression, picks[0]),
            new(EditKind.AddTkiProgression, picks[1]),
            new(EditKind.AddProgressionGenotype, picks[2]),
            new(EditKind.SetRegion, picks[3]),
        };
        if ((flags & 1) != 0)
        {
            edits.Add(new(EditKind.SetSmallCellHistology, 0));
        }

        if ((flags & 2) != 0)
        {
            edits.Add(new(EditKind.AddPneumonitis, picks[4]));
        }

        if ((flags & 4) != 0)
        {
            edits.Add(new(EditKind.AddTkiIntolerance, picks[5]));
        }

        if ((flags & 8) != 0)
        {
            edits.Add(new(EditKind.DropHistory, picks[5]));
        }

        var made = edits.Aggregate(new CaseSynthesizer(World.Kb, seed).Make(index), (c, e) => e.Apply(c));
        return (flags & 16) != 0 ? Resensitising(made, picks[2]) : made;
    }

    private static readonly (Knowledge.Model.ResistanceRow Row, Knowledge.Model.Resensitisation Record)[] Records =
        [.. World.Kb.Resistance.SelectMany(r => r.Resensitises.Select(x => (r, x)))];

    /// <summary>The re-challenge scenario itself: progression on the drug, then on the TKI the genotype emerged on, then that genotype.</summary>
    private static Case Resensitising(Case c, int pick)
    {
        if (Records.Length == 0)
        {
            return c;
        }

        var (row, record) = Records[pick % Records.Length];
        var first = record.Drug;
        var then = record.After.Count > 0 ? record.After[pick % record.After.Count] : first;
        HistoryEntry Progressed(Therapy t, string start, string end) =>
            new() { Therapy = t, Start = start, End = end, StopReason = StopReason.Progression, ProgressionPattern = ProgressionPattern.Systemic };
        return c with
        {
            History = [Progressed(first, "2019-01", "2021-01"), Progressed(then, "2021-02", "2024-01")],
            Tests =
            [
                .. c.Tests.Where(t => t.EffectiveTiming != TestTiming.Progression),
                new BiomarkerTest
                {
                    Gene = row.Gene, Method = TestMethod.NgsDna, Sample = Sample.Plasma, Timing = TestTiming.Progression,
                    Result = Domain.TestResult.Positive, Mutations = [.. row.Mutations],
                },
            ],
        };
    }
}
