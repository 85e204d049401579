using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Treatment;

namespace FusionGuide.Engine.Diagnosis;

/// <summary>
/// Reads every test: status per gene, the driver, the fusion partner, what to test next and the progression
/// findings (review §2; CAP/IASLC/AMP 2018; NCCN).
/// </summary>
internal static class DiagnosisStage
{
    private static readonly Gene[] Kinases = [Gene.Alk, Gene.Ros1];

    public static DiagnosisFindings Run(Evaluation e, TreatmentHistory history)
    {
        SayTestsAfterEvaluationDate(e);
        SayFindingsNotAtProgression(e);
        var calls = KinaseFindingNotFusion.Review(e, [.. e.Case.Tests.Select((t, i) => TestInterpreter.Interpret(e, i, t))]);
        var genes = new Dictionary<Gene, GeneStatus>();
        var discordances = new List<DiscordantResults.Discordance>();
        foreach (var gene in Codes.Gene.Values)
        {
            // A progression test of a kinase still shows the fusion (its mutations sit in the fused kinase).
            var kinase = gene is Gene.Alk or Gene.Ros1;
            List<TestCall>? relevant = null;
            foreach (var c in calls)
            {
                if (c.Gene == gene && (c.Test.EffectiveTiming == TestTiming.Diagnosis || (kinase && c.Kind == CallKind.Positive)))
                {
                    (relevant ??= []).Add(c);
                }
            }

            if (relevant is not null || kinase)
            {
                genes[gene] = GeneCombiner.Combine(e, gene, relevant ?? [], discordances);
            }
        }

        var driver = DriverOf(e, calls, genes);
        var next = new List<NextTest>();
        NextTests.ForDiagnosis(e, calls, genes, driver, next);
        NextTests.ForDiscordance(e, discordances, next);
        var partner = Partner(e, calls, driver);
        NextTests.ForUncommonPartner(e, calls, driver, partner, history, next);
        var progression = calls.Where(c => c.Test.EffectiveTiming == TestTiming.Progression).ToList();
        var findings = new DiagnosisFindings
        {
            Driver = driver,
            Genes = genes,
            FusionPartner = partner,
            Variant = calls.Where(c => c.Kind == CallKind.Positive && c.Test.Variant is not null).Select(c => c.Test.Variant).FirstOrDefault(),
            NextTests = next,
            ResistanceMutations = [.. LaterAllele.Drop(e, [.. progression
                .Where(c => c.Test.Mutations.Count > 0 && Kinases.Contains(c.Gene))
                .Select(c => (c, new MutationSet(c.Gene, c.Test.Mutations, SourceWords(c.Test), CanPhase(c.Test))))])
                .Select(x => x.Set)],
            Alterations = [.. progression.SelectMany(c => c.Test.Alterations).Concat(ProgressionBypass.Read(e, progression)).Distinct()],
            ProgressionGenotyped = progression.Any(c => Kinases.Contains(c.Gene) && c.Kind is CallKind.Positive or CallKind.Negative && Genotypes(c.Test)),
            ProgressionTissue = progression.Any(c => c.IsTissue && c.Kind != CallKind.Failed) || e.Case.Tumor.Transformation is not null,
            ProgressionTissueGenotyped = progression.Any(c => Kinases.Contains(c.Gene) && c.IsTissue && c.Kind is CallKind.Positive or CallKind.Negative && Genotypes(c.Test)),
            ProgressionExpressionLost = [.. progression.Where(c => c.IsTissue && c.Kind == CallKind.Negative && Kinases.Contains(c.Gene) && genes.TryGetValue(c.Gene, out var s) && s == GeneStatus.Positive)
                .Select(c => c.Test.Method)],
        };
        NextTests.ForProgression(e, history, findings);
        return findings;
    }

    /// <summary>
    /// DX-DATE-001: a test dated after the evaluation date (read at its earliest day, so "2024-06" is not flagged on
    /// 2024-06-15) is said. Its result is still read — the case holds it, and dropping it would be a silent guess — but on
    /// the evaluation date it was not yet known, so the answer may rest on information that did not exist then.
    /// </summary>
    private static void SayTestsAfterEvaluationDate(Evaluation e)
    {
        foreach (var (t, i) in e.Case.Tests.Select((t, i) => (t, i)))
        {
            if (PartialDate.TryParse(t.Date, out var tested) && tested > e.AsOf)
            {
                var msg = $"{TestCall.SubjectOf(i, t)} is dated {t.Date}, after the evaluation date {e.AsOfText}: its result is read, though on that date it was not yet known; check the evaluation date or the test's date.";
                e.WarnDiagnosis(WarningCodes.TestAfterEvaluationDate, msg);
                // Trace id DX-DATE-001 (RuleIds.TestAfterEvaluationDate) is written here; its sources: knowledge/rules/DX-DATE-001.json.
                e.Fire(RuleIds.TestAfterEvaluationDate, msg);
            }
        }
    }

    /// <summary>
    /// DX-TIMING-001: resistance mutations or bypass alterations on a test read as taken at diagnosis (its timing says so,
    /// or is not given) are not resistance findings — the resistance assessment reads tests at progression only — so the
    /// result says they did not shape the options, rather than dropping them silently: a progression sample entered
    /// without its timing would otherwise lose its G1202R.
    /// </summary>
    private static void SayFindingsNotAtProgression(Evaluation e)
    {
        foreach (var (t, i) in e.Case.Tests.Select((t, i) => (t, i)))
        {
            var kinaseMutations = t.Gene is Gene.Alk or Gene.Ros1 ? t.Mutations : [];
            if (t.EffectiveTiming != TestTiming.Diagnosis || kinaseMutations.Count + t.Alterations.Count == 0)
            {
                continue;
            }

            var found = string.Join(", ", kinaseMutations.Concat(t.Alterations));
            var timing = t.Timing is null ? "its timing is not given, so it is read as a diagnosis test" : "its timing is diagnosis";
            var msg = $"{TestCall.SubjectOf(i, t)} reports {found}, but {timing}: resistance mutations and alterations are read only from tests taken at progression, so they have not shaped the options; if the sample was taken at progression on a TKI, set the test's timing to progression.";
            e.WarnDiagnosis(WarningCodes.FindingsNotAtProgression, msg);
            // Trace id DX-TIMING-001 (RuleIds.FindingsNotAtProgression) is written here; its sources: knowledge/rules/DX-TIMING-001.json.
            e.Fire(RuleIds.FindingsNotAtProgression, msg);
        }
    }

    /// <summary>
    /// A progression test that reads the resistance genotype: DNA NGS, or any test that reports mutations or alterations.
    /// IHC, FISH and a fusion-only RNA panel show the fusion is still there, not why the tumour progressed.
    /// </summary>
    private static bool Genotypes(BiomarkerTest t) => t.Method == TestMethod.NgsDna || t.Mutations.Count > 0 || t.Alterations.Count > 0;

    /// <summary>Sequencing of a tissue or cytology sample reads co-occurring mutations on the same molecules; plasma and non-NGS methods cannot.</summary>
    /// <summary>
    /// Only sequencing of a stated tissue or cytology sample shows two mutations on one allele: a test whose sample is not
    /// stated may have been plasma, so its mutations are not a proven compound (G1202R + L1196M from an unstated sample
    /// were read as the lorlatinib-resistant compound, and the standard drug after alectinib was withdrawn).
    /// </summary>
    private static bool CanPhase(BiomarkerTest t) => t.Sample is Sample.Tissue or Sample.Cytology && t.Method is TestMethod.NgsDna or TestMethod.NgsRna;

    /// <summary>"tissue DNA NGS", "plasma DNA NGS", "DNA NGS of a sample not stated".</summary>
    private static string SourceWords(BiomarkerTest t) => t.Sample switch
    {
        Sample.Plasma => $"plasma {MethodName(t.Method)}",
        Sample.Cytology => $"cytology {MethodName(t.Method)}",
        Sample.Tissue => $"tissue {MethodName(t.Method)}",
        _ => $"{MethodName(t.Method)} of a sample not stated",
    };

    /// <summary>
    /// The gene's result on the tissue test that settles it — RNA NGS for a fusion (it reads the partner), DNA NGS for a
    /// mutation (the panel says which the gene is) — a positive before a negative; null when it has not been done.
    /// </summary>
    public static TestCall? SettlingTestReported(Evaluation e, IEnumerable<TestCall> calls, Gene gene)
    {
        var settling = IsMutationDriver(e, gene) ? TestMethod.NgsDna : TestMethod.NgsRna;
        var done = calls.Where(c => c.Gene == gene && c.Kind is CallKind.Positive or CallKind.Negative && c.IsTissue && c.Test.Sample is not null && c.Test.Method == settling).ToList();
        return done.FirstOrDefault(c => c.Kind == CallKind.Positive) ?? done.FirstOrDefault();
    }

    private static Driver DriverOf(Evaluation e, List<TestCall> calls, Dictionary<Gene, GeneStatus> genes)
    {
        var positives = genes.Where(g => g.Value == GeneStatus.Positive && g.Key != Gene.PdL1).Select(g => g.Key).ToList();
        if (positives.Count > 1)
        {
            var names = string.Join(" and ", positives.Select(Codes.Gene.Code));
            if (positives.Select(g => SettlingTestReported(e, calls, g)).ToList() is var settled && settled.All(c => c is not null))
            {
                // Each has had the test that settles it: asking for those tests again left the case in the work-up for good.
                // The knowledge base holds no rule for choosing between two drivers.
                var read = string.Join("; ", settled.Select(c => $"{Codes.Gene.Code(c!.Gene)}: {c.Label} {(c.Kind == CallKind.Positive ? "positive" : "negative")}"));
                e.WarnDiagnosis(WarningCodes.ConcurrentDrivers, $"{names} are both reported positive and each has had the tissue test that settles it ({read}): two drivers in one tumour are rare, and the knowledge base holds no rule for choosing between them — a molecular tumour board decides which drives the tumour (for example by variant allele fraction, IHC intensity and the clinical course) before targeted therapy.");
                // Trace id DX-DRIVER-002 (RuleIds.ConcurrentDrivers) is written here; its sources: knowledge/rules/DX-DRIVER-002.json.
                e.Fire(RuleIds.ConcurrentDrivers, $"{names} both positive and each tested by its settling tissue test ({read}): driver left indeterminate, for a molecular tumour board.");
                return Driver.Indeterminate;
            }

            // A fusion is confirmed on RNA, a mutation on DNA (the panel says which each gene is).
            var how = positives.Any(g => IsMutationDriver(e, g))
                ? "confirm each on tissue NGS (RNA for a fusion, DNA for a mutation)"
                : "confirm on tissue RNA NGS";
            e.WarnDiagnosis(WarningCodes.ConcurrentDrivers, $"{names} are both reported positive, but these drivers are almost always mutually exclusive: {how} before choosing targeted therapy.");
            // Trace id DX-DRIVER-002 (RuleIds.ConcurrentDrivers) is written here; its sources: knowledge/rules/DX-DRIVER-002.json.
            e.Fire(RuleIds.ConcurrentDrivers, $"{names} both positive: mutually exclusive drivers; driver left indeterminate until confirmed.");
            return Driver.Indeterminate;
        }

        if (positives.Count == 1)
        {
            var d = positives[0] switch { Gene.Alk => Driver.Alk, Gene.Ros1 => Driver.Ros1, _ => Driver.Other };
            // Trace id DX-DRIVER-001 (RuleIds.Driver) is written here; its sources: knowledge/rules/DX-DRIVER-001.json.
            e.Fire(RuleIds.Driver, $"Driver: {Codes.Gene.Code(positives[0])}{(d == Driver.Other ? " (outside the ALK/ROS1 scope)" : "")}.");
            return d;
        }

        var unresolved = e.Kb.Panel.Where(p => !AdequatelyNegative(calls, genes, p.Gene, p.AdequateNegativeMethods)).Select(p => Codes.Gene.Code(p.Gene)).ToList();
        if (unresolved.Count == 0)
        {
            e.Fire(RuleIds.Driver, "Every driver of the panel tested negative by an adequate method: no targetable driver found.");
            return Driver.None;
        }

        e.Fire(RuleIds.Driver, $"No driver established; not yet adequately excluded: {string.Join(", ", unresolved)}.");
        return Driver.Indeterminate;
    }

    /// <summary>
    /// True when the gene's tests, taken together, say negative and one of them is a tissue or cytology test of an
    /// adequate method whose own reading (clone, intensity, the FISH scoring rule) is negative. Plasma never rules out;
    /// a test the interpreter did not use (an antibody for another gene, an unvalidated clone, a FISH call that
    /// contradicts its counts) and a gene left equivocal by its tests (ROS1 IHC positive with FISH negative) are not an
    /// exclusion — the driver stays undetermined instead of "none".
    /// </summary>
    internal static bool AdequatelyNegative(IReadOnlyList<TestCall> calls, IReadOnlyDictionary<Gene, GeneStatus> genes, Gene gene, IReadOnlyList<TestMethod> methods) =>
        genes.GetValueOrDefault(gene, GeneStatus.NotTested) == GeneStatus.Negative &&
        calls.Any(c => c.Gene == gene && c.Kind == CallKind.Negative && c.IsTissue && c.Test.EffectiveTiming == TestTiming.Diagnosis &&
                       methods.Contains(c.Test.Method));

    private static string? Partner(Evaluation e, List<TestCall> calls, Driver driver)
    {
        var gene = driver switch { Driver.Alk => Gene.Alk, Driver.Ros1 => Gene.Ros1, _ => (Gene?)null };
        var partner = calls.Where(c => c.Kind == CallKind.Positive && c.Test.FusionPartner is not null && (gene is null || c.Gene == gene))
            .Select(c => c.Test.FusionPartner).FirstOrDefault();
        if (partner is not null)
        {
            // Trace id DX-PARTNER-001 (RuleIds.FusionPartner) is written here; its sources: knowledge/rules/DX-PARTNER-001.json.
            e.Fire(RuleIds.FusionPartner, $"Fusion partner reported: {partner}-{(gene is { } g ? Codes.Gene.Code(g) : "")}.");
        }

        return partner;
    }

    /// <summary>True when the knowledge base's testing panel tests <paramref name="g"/> for a mutation (confirmed on DNA), not a fusion.</summary>
    internal static bool IsMutationDriver(Evaluation e, Gene g) => e.Kb.Panel.Any(p => p.Gene == g && p.Alteration == Knowledge.Model.PanelAlteration.Mutation);

    /// <summary>How a method is named in a sentence.</summary>
    internal static string MethodName(TestMethod m) => m switch
    {
        TestMethod.NgsDna => "DNA NGS",
        TestMethod.NgsRna => "RNA NGS",
        TestMethod.RtPcr => "RT-PCR",
        TestMethod.Fish => "FISH",
        TestMethod.Ihc => "IHC",
        _ => "histology",
    };
}
