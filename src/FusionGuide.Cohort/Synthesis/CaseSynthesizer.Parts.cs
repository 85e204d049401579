using FusionGuide.Domain;

namespace FusionGuide.Cohort.Synthesis;

/// <summary>The parts every scenario shares: patient, tumour, tests, disease, history, medications and context.</summary>
public sealed partial class CaseSynthesizer
{
    private static Patient Patient(Pcg32 r) => new()
    {
        Age = r.Between(26, 88),
        Sex = r.Weighted((Sex.Female, 52), (Sex.Male, 46), (Sex.Other, 1), (Sex.Unknown, 1)),
        Smoking = r.Weighted((Smoking.Never, 62), (Smoking.Former, 28), (Smoking.Current, 7), (Smoking.Unknown, 3)),
        Ecog = r.Weighted((0, 35), (1, 42), (2, 15), (3, 6), (4, 2)),
    };

    private static Tumor AdvancedTumor(Pcg32 r) => new()
    {
        Histology = r.Weighted((Histology.Adenocarcinoma, 86), (Histology.Squamous, 4), (Histology.Adenosquamous, 4), (Histology.NsclcNos, 4), (Histology.LargeCell, 2)),
        Stage = r.Weighted((Stage.IV, 40), (Stage.IVA, 25), (Stage.IVB, 30), (Stage.IIIB, 3), (Stage.IIIC, 2)),
    };

    /// <summary>Tests at diagnosis that establish <paramref name="gene"/> as the driver, with the usual negatives and PD-L1.</summary>
    private static List<BiomarkerTest> DiagnosisTests(Pcg32 r, Gene gene)
    {
        var other = gene == Gene.Alk ? Gene.Ros1 : Gene.Alk;
        var tests = new List<BiomarkerTest> { Positive(r, gene) };
        if (r.Chance(30))
        {
            tests.Add(Positive(r, gene) with { Method = TestMethod.NgsRna, Result = TestResult.Positive, IhcClone = null, Intensity = null, PercentStainedCells = null, CellsScored = null, PercentRearrangedCells = null });
        }

        tests.Add(new() { Gene = other, Method = r.Chance(50) ? TestMethod.NgsRna : TestMethod.NgsDna, Sample = Sample.Tissue, Result = TestResult.Negative });
        if (r.Chance(60))
        {
            tests.Add(new() { Gene = Gene.Egfr, Method = TestMethod.NgsDna, Sample = Sample.Tissue, Result = TestResult.Negative });
        }

        AddPdL1(r, tests);
        return tests;
    }

    private static BiomarkerTest Positive(Pcg32 r, Gene gene)
    {
        var partner = gene == Gene.Alk ? r.Pick(AlkPartners) : r.Pick(Ros1Partners);
        return r.Below(gene == Gene.Alk ? 4 : 3) switch
        {
            0 => new() { Gene = gene, Method = TestMethod.NgsRna, Sample = Sample.Tissue, Result = TestResult.Positive, FusionPartner = partner, Variant = gene == Gene.Alk && partner == "EML4" && r.Chance(60) ? r.Pick(AlkVariants) : null },
            1 => new() { Gene = gene, Method = TestMethod.Fish, Sample = Sample.Tissue, CellsScored = r.Chance(70) ? 50 : 100, PercentRearrangedCells = r.Between(51, 92) },
            2 when gene == Gene.Ros1 => new() { Gene = gene, Method = TestMethod.NgsDna, Sample = r.Chance(80) ? Sample.Tissue : Sample.Plasma, Result = TestResult.Positive, FusionPartner = partner },
            _ => new() { Gene = gene, Method = TestMethod.Ihc, Sample = Sample.Tissue, IhcClone = r.Chance(80) ? Clone.D5F3 : Clone.A5A4, Result = r.Chance(60) ? TestResult.Positive : null, Intensity = 3, PercentStainedCells = r.Between(40, 100) },
        };
    }

    private static void AddPdL1(Pcg32 r, List<BiomarkerTest> tests)
    {
        if (r.Chance(60))
        {
            tests.Add(new() { Gene = Gene.PdL1, Method = TestMethod.Ihc, Sample = Sample.Tissue, IhcClone = r.Chance(70) ? Clone.C22C3 : Clone.SP263, Tps = r.Weighted((0, 40), (r.Between(1, 49), 35), (r.Between(50, 100), 25)) });
        }
    }

    private static Disease AdvancedDisease(Pcg32 r, int brainPercent)
    {
        BrainMetastases brain;
        var brainCount = 0;
        if (r.Chance(brainPercent))
        {
            brainCount = r.Weighted((1, 35), (2, 20), (3, 15), (4, 10), (r.Between(5, 15), 20));
            brain = new BrainMetastases
            {
                Present = true, Count = brainCount, Symptomatic = r.Chance(30), LargestMm = r.Between(3, 42),
                MassEffect = r.Chance(10), Leptomeningeal = r.Chance(5),
            };
        }
        else
        {
            brain = new BrainMetastases { Present = false };
        }

        var sites = new List<MetastaticSite>();
        if (brainCount > 0)
        {
            sites.Add(MetastaticSite.Brain);
        }

        var extracranial = r.Between(0, 3);
        for (var i = 0; i < extracranial; i++)
        {
            var s = r.Pick(ExtracranialSites);
            if (!sites.Contains(s))
            {
                sites.Add(s);
            }
        }

        return new Disease
        {
            BrainMetastases = brain,
            Sites = sites,
            LesionCount = brainCount + (sites.Count - (brainCount > 0 ? 1 : 0)) * r.Between(1, 4),
            CentralAirwayObstruction = r.Chance(4),
        };
    }

    /// <summary><paramref name="count"/> TKIs given one after another, each stopped by progression (or intolerance).</summary>
    private static List<HistoryEntry> TkiHistory(Pcg32 r, Therapy[] tkis, int count)
    {
        var list = new List<HistoryEntry>();
        var year = r.Between(2016, 2021);
        var month = r.Between(1, 12);
        for (var i = 0; i < count; i++)
        {
            var therapy = i == count - 1 && count > 1 && r.Chance(60) && tkis.Contains(Therapy.Lorlatinib) ? Therapy.Lorlatinib : r.Pick(tkis);
            if (list.Any(h => h.Therapy == therapy))
            {
                therapy = tkis.First(t => list.All(h => h.Therapy != t));
            }

            var months = r.Between(6, 40);
            var endYear = year + ((month - 1 + months) / 12);
            var endMonth = ((month - 1 + months) % 12) + 1;
            var intolerance = i < count - 1 && r.Chance(15);
            list.Add(new()
            {
                Therapy = therapy, Start = $"{year}-{month:D2}", End = $"{endYear}-{endMonth:D2}",
                StopReason = intolerance ? StopReason.Intolerance : StopReason.Progression,
                ProgressionPattern = intolerance ? null : r.Weighted((ProgressionPattern.Systemic, 70), (ProgressionPattern.Cns, 15), (ProgressionPattern.Both, 15)),
            });
            year = endMonth == 12 ? endYear + 1 : endYear;
            month = endMonth == 12 ? 1 : endMonth + 1;
        }

        return list;
    }

    private static List<Comorbidity> ComorbidityList(Pcg32 r)
    {
        var list = new List<Comorbidity>();
        var n = r.Weighted((0, 55), (1, 30), (2, 12), (3, 3));
        for (var i = 0; i < n; i++)
        {
            var c = r.Pick(Comorbidities);
            if (!list.Contains(c))
            {
                list.Add(c);
            }
        }

        return list;
    }

    private List<string> MedicationList(Pcg32 r)
    {
        var list = new List<string>();
        var n = r.Weighted((0, 45), (1, 30), (2, 15), (3, 7), (5, 3));
        for (var i = 0; i < n; i++)
        {
            var m = r.Chance(80) ? r.Pick(knownMedications) : r.Pick(Unknown);
            if (!list.Contains(m))
            {
                list.Add(m);
            }
        }

        return list;
    }

    private CaseContext Context(Pcg32 r)
    {
        var region = r.Weighted<Region?>((Region.US, 35), (Region.EU, 25), (Region.JP, 10), (Region.CN, 10), (Region.TR, 8), (Region.Other, 5), (null, 7));
        var unavailable = new List<Therapy>();
        if (r.Chance(15))
        {
            unavailable.Add(r.Pick(alkTkis));
            if (r.Chance(40))
            {
                unavailable.Add(r.Pick(ros1Tkis));
            }
        }

        IReadOnlyList<Therapy>? available = null;
        if (r.Chance(5))
        {
            available = [Therapy.Crizotinib, Therapy.PlatinumPemetrexed, Therapy.Docetaxel, Therapy.PlatinumEtoposide, .. r.Chance(50) ? new[] { Therapy.Alectinib } : [], Therapy.BestSupportiveCare];
        }

        return new CaseContext { Region = region, Unavailable = [.. unavailable.Distinct()], Available = available };
    }

    private static Therapy? MaybeGiven(Pcg32 r, params ReadOnlySpan<(Therapy Item, int Weight)> choices) =>
        r.Chance(70) ? r.Weighted(choices) : null;
}
