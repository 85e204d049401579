using FusionGuide.Domain;

namespace FusionGuide.Cohort.Synthesis;

/// <summary>The clinical scenarios of the synthetic mix.</summary>
public sealed partial class CaseSynthesizer
{
    private static Case Workup(Pcg32 r)
    {
        List<BiomarkerTest> tests = r.Below(7) switch
        {
            0 => [new() { Gene = Gene.Alk, Method = TestMethod.Ihc, Sample = Sample.Tissue, IhcClone = Clone.D5F3, Intensity = r.Between(1, 2), PercentStainedCells = r.Between(5, 60) }],
            1 => [new() { Gene = Gene.Alk, Method = TestMethod.Fish, Sample = Sample.Tissue, CellsScored = 50, PercentRearrangedCells = r.Between(10, 49) }],
            2 => [new() { Gene = Gene.Ros1, Method = TestMethod.Ihc, Sample = Sample.Tissue, IhcClone = r.Chance(50) ? Clone.D4D6 : Clone.SP384, Result = TestResult.Positive }],
            3 => [new() { Gene = Gene.Alk, Method = TestMethod.NgsDna, Sample = Sample.Plasma, Result = TestResult.Negative },
                  new() { Gene = Gene.Ros1, Method = TestMethod.NgsDna, Sample = Sample.Plasma, Result = TestResult.Negative }],
            4 => [Positive(r, Gene.Alk), new() { Gene = Gene.Egfr, Method = TestMethod.NgsDna, Sample = Sample.Tissue, Result = TestResult.Positive }],
            5 => [new() { Gene = Gene.Alk, Method = TestMethod.Fish, Sample = Sample.Cytology, CellsScored = r.Between(10, 40), PercentRearrangedCells = r.Between(0, 60) }],
            _ => [new() { Gene = Gene.Alk, Method = TestMethod.Ihc, Sample = Sample.Tissue, IhcClone = Clone.D5F3, Result = TestResult.Positive },
                  new() { Gene = Gene.Alk, Method = TestMethod.Fish, Sample = Sample.Tissue, CellsScored = 100, PercentRearrangedCells = r.Between(0, 9) }],
        };
        if (r.Chance(40))
        {
            tests.Add(r.Chance(20) ? new() { Gene = Gene.Kras, Method = TestMethod.NgsDna, Sample = Sample.Tissue, Result = TestResult.Failed }
                : new() { Gene = Gene.Egfr, Method = TestMethod.RtPcr, Sample = Sample.Tissue, Result = TestResult.Negative });
        }

        AddPdL1(r, tests);
        return new Case { Tumor = AdvancedTumor(r), Tests = tests, Disease = AdvancedDisease(r, brainPercent: 20) };
    }

    private static Case FirstLine(Pcg32 r, Gene gene)
    {
        var tests = DiagnosisTests(r, gene);
        var history = new List<HistoryEntry>();
        if (r.Chance(12))
        {
            var year = r.Between(2019, 2024);
            history.Add(new() { Therapy = r.Chance(60) ? Therapy.ChemoImmunotherapy : Therapy.PlatinumPemetrexed, Start = $"{year}-0{r.Between(1, 6)}", End = $"{year}-{r.Between(7, 12):D2}", StopReason = r.Chance(70) ? StopReason.Progression : StopReason.Completed, ProgressionPattern = ProgressionPattern.Systemic });
        }

        return new Case
        {
            Tumor = AdvancedTumor(r),
            Tests = tests,
            Disease = AdvancedDisease(r, brainPercent: 35),
            History = history,
            GivenNext = MaybeGiven(r, gene == Gene.Alk
                ? [(Therapy.Alectinib, 45), (Therapy.Lorlatinib, 30), (Therapy.Brigatinib, 14), (Therapy.Crizotinib, 5), (Therapy.PlatinumPemetrexed, 6)]
                : [(Therapy.Entrectinib, 25), (Therapy.Repotrectinib, 25), (Therapy.Taletrectinib, 20), (Therapy.Crizotinib, 25), (Therapy.PlatinumPemetrexed, 5)]),
        };
    }

    private Case Progression(Pcg32 r, Gene gene)
    {
        var tests = DiagnosisTests(r, gene);
        var tkis = gene == Gene.Alk ? alkTkis : ros1Tkis;
        var history = TkiHistory(r, tkis, r.Chance(70) ? 1 : 2);
        var mutations = r.Below(10) switch
        {
            < 6 => r.Pick(gene == Gene.Alk ? alkMutationSets : ros1MutationSets),
            6 => [r.Pick(gene == Gene.Alk ? alkMutationSets : ros1MutationSets)[0], r.Pick(gene == Gene.Alk ? alkMutationSets : ros1MutationSets)[0]],
            7 => [gene == Gene.Alk ? "L1122V" : "K1991E"],
            _ => [],
        };
        tests.Add(new()
        {
            Gene = gene, Method = TestMethod.NgsDna, Sample = r.Chance(60) ? Sample.Plasma : Sample.Tissue, Timing = TestTiming.Progression,
            Result = TestResult.Positive, Mutations = [.. mutations.Distinct(StringComparer.Ordinal)],
        });
        return new Case
        {
            Tumor = AdvancedTumor(r),
            Tests = tests,
            Disease = AdvancedDisease(r, brainPercent: 40),
            History = history,
            GivenNext = MaybeGiven(r, gene == Gene.Alk
                ? [(Therapy.Lorlatinib, 45), (Therapy.PlatinumPemetrexed, 25), (Therapy.Brigatinib, 10), (Therapy.ClinicalTrial, 15), (Therapy.Alectinib, 5)]
                : [(Therapy.Repotrectinib, 35), (Therapy.Taletrectinib, 25), (Therapy.Lorlatinib, 10), (Therapy.PlatinumPemetrexed, 20), (Therapy.Cabozantinib, 10)]),
        };
    }

    private Case OffTarget(Pcg32 r)
    {
        var gene = r.Chance(75) ? Gene.Alk : Gene.Ros1;
        var tests = DiagnosisTests(r, gene);
        var alterations = new List<string> { r.Pick(Alterations.Known) };
        if (r.Chance(20))
        {
            alterations.Add(r.Pick(Alterations.Known));
        }

        if (r.Chance(5))
        {
            alterations.Add("FGFR1 amplification");
        }

        tests.Add(new()
        {
            Gene = gene, Method = TestMethod.NgsDna, Sample = r.Chance(50) ? Sample.Plasma : Sample.Tissue, Timing = TestTiming.Progression,
            Result = TestResult.Positive, Alterations = [.. alterations.Distinct(StringComparer.Ordinal)],
            Mutations = r.Chance(25) ? [r.Pick(gene == Gene.Alk ? alkMutationSets : ros1MutationSets)[0]] : [],
        });
        return new Case
        {
            Tumor = AdvancedTumor(r),
            Tests = tests,
            Disease = AdvancedDisease(r, brainPercent: 30),
            History = TkiHistory(r, gene == Gene.Alk ? alkTkis : ros1Tkis, r.Chance(60) ? 1 : 2),
            GivenNext = MaybeGiven(r, [(Therapy.PlatinumPemetrexed, 40), (Therapy.ClinicalTrial, 30), (Therapy.Lorlatinib, 20), (Therapy.Crizotinib, 10)]),
        };
    }

    private Case Transformed(Pcg32 r)
    {
        var gene = r.Chance(85) ? Gene.Alk : Gene.Ros1;
        var tumor = AdvancedTumor(r) with { Transformation = r.Chance(80) ? Transformation.SmallCell : Transformation.Squamous };
        return new Case
        {
            Tumor = tumor,
            Tests = DiagnosisTests(r, gene),
            Disease = AdvancedDisease(r, brainPercent: 30),
            History = TkiHistory(r, gene == Gene.Alk ? alkTkis : ros1Tkis, r.Chance(70) ? 1 : 2),
            GivenNext = MaybeGiven(r, [(Therapy.PlatinumEtoposide, 70), (Therapy.PlatinumPemetrexed, 15), (Therapy.ClinicalTrial, 15)]),
        };
    }

    private static Case Adjuvant(Pcg32 r)
    {
        var gene = r.Chance(85) ? Gene.Alk : Gene.Ros1;
        var stage = r.Weighted((Stage.IB, 20), (Stage.IIA, 25), (Stage.IIB, 25), (Stage.IIIA, 25), (Stage.IA, 3), (Stage.IIIB, 2));
        return new Case
        {
            Tumor = new Tumor { Histology = r.Chance(90) ? Histology.Adenocarcinoma : Histology.Adenosquamous, Stage = stage, Resected = true },
            Tests = DiagnosisTests(r, gene),
            Disease = new Disease { BrainMetastases = new BrainMetastases { Present = false }, Sites = [], LesionCount = 0 },
            GivenNext = MaybeGiven(r, [(Therapy.Alectinib, 75), (Therapy.PlatinumPemetrexed, 25)]),
        };
    }

    private static Case NonTargeted(Pcg32 r)
    {
        var driver = r.Pick(OtherDrivers);
        List<BiomarkerTest> tests =
        [
            new() { Gene = Gene.Alk, Method = r.Chance(50) ? TestMethod.Ihc : TestMethod.NgsRna, Sample = Sample.Tissue, Result = TestResult.Negative },
            new() { Gene = Gene.Ros1, Method = TestMethod.NgsRna, Sample = Sample.Tissue, Result = TestResult.Negative },
            new() { Gene = driver, Method = driver is Gene.Ret or Gene.Ntrk1 ? TestMethod.NgsRna : TestMethod.NgsDna, Sample = Sample.Tissue, Result = TestResult.Positive },
        ];
        AddPdL1(r, tests);
        return new Case { Tumor = AdvancedTumor(r), Tests = tests, Disease = AdvancedDisease(r, brainPercent: 25) };
    }

    private static Case NoDriver(Pcg32 r)
    {
        List<BiomarkerTest> tests = [.. new[] { Gene.Alk, Gene.Ros1, Gene.Egfr, Gene.Kras, Gene.Braf, Gene.Met, Gene.Ret, Gene.Erbb2 }
            .Select(g => new BiomarkerTest { Gene = g, Method = g is Gene.Alk or Gene.Ros1 or Gene.Ret ? TestMethod.NgsRna : TestMethod.NgsDna, Sample = Sample.Tissue, Result = TestResult.Negative })];
        AddPdL1(r, tests);
        return new Case { Tumor = AdvancedTumor(r), Tests = tests, Disease = AdvancedDisease(r, brainPercent: 20) };
    }

    private Case Ongoing(Pcg32 r)
    {
        var gene = r.Chance(75) ? Gene.Alk : Gene.Ros1;
        var tkis = gene == Gene.Alk ? alkTkis : ros1Tkis;
        var history = r.Chance(25) ? TkiHistory(r, tkis, 1) : [];
        var current = r.Pick(tkis);
        history.Add(new() { Therapy = current, Start = $"{r.Between(2022, 2025)}-{r.Between(1, 12):D2}", StopReason = r.Chance(80) ? StopReason.Ongoing : null });
        var events = new List<AdverseEvent>();
        var count = r.Between(1, 3);
        for (var i = 0; i < count; i++)
        {
            events.Add(new AdverseEvent { Therapy = r.Chance(90) ? current : null, Event = r.Pick(Events), Grade = r.Weighted((1, 30), (2, 35), (3, 28), (4, 6), (5, 1)) });
        }

        return new Case
        {
            Tumor = AdvancedTumor(r),
            Tests = DiagnosisTests(r, gene),
            Disease = AdvancedDisease(r, brainPercent: 30),
            History = history,
            AdverseEvents = events,
            GivenNext = MaybeGiven(r, [(current, 80), (gene == Gene.Alk ? Therapy.Lorlatinib : Therapy.Repotrectinib, 20)]),
        };
    }

    private Case LimitedProgression(Pcg32 r)
    {
        var gene = r.Chance(80) ? Gene.Alk : Gene.Ros1;
        var tkis = gene == Gene.Alk ? alkTkis : ros1Tkis;
        var current = r.Pick(tkis);
        var pattern = r.Chance(50) ? ProgressionPattern.Cns : ProgressionPattern.Oligoprogression;
        var disease = AdvancedDisease(r, brainPercent: pattern == ProgressionPattern.Cns ? 100 : 20) with { LesionCount = r.Between(1, 4) };
        return new Case
        {
            Tumor = AdvancedTumor(r),
            Tests = DiagnosisTests(r, gene),
            Disease = disease,
            History = [new() { Therapy = current, Start = $"{r.Between(2021, 2024)}-{r.Between(1, 12):D2}", StopReason = StopReason.Progression, ProgressionPattern = pattern }],
            GivenNext = MaybeGiven(r, [(current, 70), (gene == Gene.Alk ? Therapy.Lorlatinib : Therapy.Repotrectinib, 30)]),
        };
    }
}
