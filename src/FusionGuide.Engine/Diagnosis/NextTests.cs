using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Diagnosis;

/// <summary>What to order next: what the testing guideline still needs, and the resistance work-up at progression.</summary>
internal static class NextTests
{
    public static void ForDiagnosis(Evaluation e, List<TestCall> calls, Dictionary<Gene, GeneStatus> genes, Driver driver, List<NextTest> next)
    {
        if (driver == Driver.Indeterminate && e.Case.Tests.Any())
        {
            Unsettled(e, calls, genes, next);
        }

        if (driver is Driver.Indeterminate)
        {
            Untested(e, calls, genes, next);
        }

        foreach (var failed in calls.Where(c => c.Kind == CallKind.Failed && genes.GetValueOrDefault(c.Gene, GeneStatus.NotTested) != GeneStatus.Positive && driver is Driver.Indeterminate))
        {
            var alternative = failed.Test.Sample == Sample.Plasma ? Sample.Tissue : failed.Test.Method is TestMethod.NgsDna or TestMethod.NgsRna ? Sample.Plasma : Sample.Tissue;
            // On tissue, a fusion is read by RNA NGS and a mutation by DNA NGS; plasma NGS is DNA either way.
            var dna = alternative == Sample.Plasma || DiagnosisStage.IsMutationDriver(e, failed.Gene);
            // Trace id DX-FAIL-001 (RuleIds.FailedTest) is written here; its sources: knowledge/rules/DX-FAIL-001.json.
            Add(e, next, Codes.Gene.Code(failed.Gene), dna ? TestMethod.NgsDna : TestMethod.NgsRna, alternative,
                $"{failed.Subject} failed: repeat {(alternative == Sample.Plasma ? "as plasma NGS while a new tissue sample is obtained" : dna ? "on tissue with DNA NGS" : "on tissue with RNA NGS")}.", RuleIds.FailedTest);
        }
    }

    /// <summary>
    /// DX-GENE-002: the test that settles a gene whose tests disagree, when it is not one of them — asked for even though
    /// the positive result is followed meanwhile (the warning names it; the list of next tests must too).
    /// </summary>
    public static void ForDiscordance(Evaluation e, IReadOnlyList<DiscordantResults.Discordance> discordances, List<NextTest> next)
    {
        foreach (var d in discordances.Where(d => d.SettlingTest is not null))
        {
            var method = d.SettlingTest!.Value;
            Add(e, next, Codes.Gene.Code(d.Gene), method, Sample.Tissue,
                $"{d.Positive.Subject} and {d.Negative.Label} disagree: {DiagnosisStage.MethodName(method)} on tissue settles {Codes.Gene.Code(d.Gene)} (the positive result is followed meanwhile).", RuleIds.Discordant);
        }
    }

    /// <summary>
    /// DX-PARTNER-002: an ALK or ROS1 fusion read by DNA NGS alone, with a partner outside the knowledge base's canonical
    /// ones, may be a rearrangement that makes no fusion transcript (knowledge: the panel gene's <c>canonicalPartners</c>
    /// and their evidence). Its expression is confirmed by RNA NGS (or, for ALK, IHC) before the TKI is relied on. The
    /// driver stays positive (most such fusions are expressed), so the targeted options still show; the warning says on
    /// what they rest. No caution once any RNA-level or protein test of the gene is positive, and none on a date before the
    /// sources were published (SYS-DATE-001). A DNA-only call that names no partner is treated alike.
    /// </summary>
    public static void ForUncommonPartner(Evaluation e, List<TestCall> calls, Driver driver, string? partner, TreatmentHistory history, List<NextTest> next)
    {
        Gene? kinase = driver switch { Driver.Alk => Gene.Alk, Driver.Ros1 => Gene.Ros1, _ => null };
        if (kinase is not { } k || e.Kb.CanonicalPartners(k) is not { } canonical || (partner is not null && canonical.Includes(partner)))
        {
            return;
        }

        var mine = calls.Where(c => c.Gene == k && c.Kind is CallKind.Positive or CallKind.Screen).ToList();
        // DNA NGS alone calls the fusion. With no partner named at all the doubt is the same as with an uncommon one (a
        // rearrangement read in DNA may make no transcript), and there is nothing to judge the partner by.
        var dnaOnly = partner is null
            ? mine.Count > 0 && mine.All(c => c.Test.Method == TestMethod.NgsDna)
            : mine.Where(c => c.Test.FusionPartner == partner).All(c => c.Test.Method == TestMethod.NgsDna) &&
              !mine.Any(c => c.Test.Method is TestMethod.NgsRna or TestMethod.RtPcr or TestMethod.Ihc);
        if (!dnaOnly)
        {
            return;
        }

        var gene = Codes.Gene.Code(k);
        if (Systemic.Rules.PublishedBy.NotYet(e, canonical.Provenance.Sources) is { } published)
        {
            Systemic.Rules.PublishedBy.Trace(e, [$"the confirmation of {(partner is null ? $"a DNA-level {gene} rearrangement without a named partner" : $"an uncommon DNA-level {gene} partner")} (first published {published})"]);
            return;
        }

        var protein = k == Gene.Alk ? " (or ALK IHC, which shows the protein)" : "";
        var shown = ExpressionShownBy(e, history);
        var (warning, rna, fusion) = partner is null
            ? ($"{gene} was found by DNA NGS only, and no fusion partner is reported. Some DNA-level rearrangements make no fusion transcript or protein, and the partner is what tells a canonical fusion ({string.Join(", ", canonical.Partners)}) from one that needs checking: confirm expression by RNA NGS{protein} before relying on it.{(shown is null ? "" : $" {shown}")}",
               $"{gene} was read by DNA NGS only, with no partner reported: RNA NGS on tissue names the partner and shows whether a fusion transcript is made.",
               "the rearrangement")
            : ($"{gene} was found by DNA NGS only, with partner {partner}, which is not a canonical {gene} partner ({string.Join(", ", canonical.Partners)}). " +
               $"Some DNA-level rearrangements with an uncommon partner make no fusion transcript or protein: confirm expression by RNA NGS{protein} before relying on it. {shown ?? $"The targeted options below assume the {partner}-{gene} fusion is expressed."}",
               $"{partner}-{gene} was read by DNA NGS only and {partner} is not a canonical partner: RNA NGS on tissue shows whether a fusion transcript is made.",
               $"the {partner}-ALK rearrangement");
        e.WarnDiagnosis(WarningCodes.UncommonFusionPartner, warning);
        // Trace id DX-PARTNER-002 (RuleIds.UncommonPartner) is written here; its sources: knowledge/rules/DX-PARTNER-002.json.
        Add(e, next, gene, TestMethod.NgsRna, Sample.Tissue, rna, RuleIds.UncommonPartner);
        if (k == Gene.Alk)
        {
            Add(e, next, gene, TestMethod.Ihc, Sample.Tissue, $"Or ALK IHC (D5F3 or 5A4) on tissue: staining shows {fusion} makes a protein.", RuleIds.UncommonPartner);
        }
    }

    /// <summary>
    /// For a patient already given a TKI: a response to it shows the fusion is expressed, primary progression does not.
    /// Null before any TKI.
    /// </summary>
    private static string? ExpressionShownBy(Evaluation e, TreatmentHistory history)
    {
        var given = e.Case.History.Select(h => h.Therapy).Where(history.TargetedExposure.Contains).Distinct().Select(e.Name).ToList();
        return given.Count == 0 ? null
            : $"A response to {string.Join(" or ", given)} already shows the fusion is expressed; without one (primary progression), confirm it before the next TKI.";
    }

    private static void Unsettled(Evaluation e, List<TestCall> calls, Dictionary<Gene, GeneStatus> genes, List<NextTest> next)
    {
        foreach (var (gene, status) in genes.Where(g => g.Key != Gene.PdL1))
        {
            var code = Codes.Gene.Code(gene);
            var mine = calls.Where(c => c.Gene == gene).ToList();
            // A fusion is settled on tissue RNA (which reads the partner), a mutation on tissue DNA: the panel says which.
            var mutation = DiagnosisStage.IsMutationDriver(e, gene);
            if (status == GeneStatus.Positive && genes.Count(g => g.Value == GeneStatus.Positive && g.Key != Gene.PdL1) > 1)
            {
                // A driver already tested by its settling tissue test is not sent to that test again.
                if (DiagnosisStage.SettlingTestReported(e, mine, gene) is not null)
                {
                    continue;
                }

                // Trace id DX-DRIVER-002 (RuleIds.ConcurrentDrivers) is written here; its sources: knowledge/rules/DX-DRIVER-002.json.
                Add(e, next, code, mutation ? TestMethod.NgsDna : TestMethod.NgsRna, Sample.Tissue, mutation
                    ? $"{code} is one of two positive drivers: confirm the {code} mutation on tissue DNA NGS, which resolves concurrent results."
                    : $"{code} is one of two positive drivers: confirm the fusion on tissue RNA NGS, which reads the partner and resolves concurrent results.", RuleIds.ConcurrentDrivers);
                continue;
            }

            if (status != GeneStatus.Equivocal)
            {
                continue;
            }

            if (mine.FirstOrDefault(c => c.SelfContradictory) is { } contradictory)
            {
                // Trace id DX-FISH-004 (RuleIds.FishLabDisagrees) and DX-IHC-007 (RuleIds.IhcContradicts) are written where the call is made.
                var rule = contradictory.Test.Method == TestMethod.Fish ? RuleIds.FishLabDisagrees : RuleIds.IhcContradicts;
                if (gene == Gene.Alk && contradictory.Test.Method != TestMethod.Ihc && !mine.Any(c => c.Test.Method == TestMethod.Ihc && c.Kind is CallKind.Positive or CallKind.Negative))
                {
                    Add(e, next, code, TestMethod.Ihc, Sample.Tissue, $"{contradictory.Subject} contradicts itself: ALK IHC (D5F3 or 5A4) on tissue settles ALK, with the laboratory asked to review the report.", rule);
                }

                if (!mine.Any(c => c.IsTissue && c.Test.Method == TestMethod.NgsRna && c.Kind is CallKind.Positive or CallKind.Negative))
                {
                    Add(e, next, code, TestMethod.NgsRna, Sample.Tissue, $"{contradictory.Subject} contradicts itself: RNA NGS on tissue settles {code} and names the partner.", rule);
                }
                else if (gene == Gene.Ros1 && contradictory.Test.Method != TestMethod.Fish)
                {
                    Add(e, next, code, TestMethod.Fish, Sample.Tissue, $"{contradictory.Subject} contradicts itself: break-apart FISH settles {code}.", rule);
                }
            }
            else if (mine.Any(c => c.Kind == CallKind.Positive && c.Test.Method == TestMethod.NgsDna) && mine.Any(c => c.Kind == CallKind.Negative && c.IsTissue))
            {
                // Trace id DX-PARTNER-003 (RuleIds.FusionNotExpressed) is written where the gene is combined.
                if (!mine.Any(c => c.Test.Method == TestMethod.Ihc && c.Kind is CallKind.Positive or CallKind.Negative or CallKind.Screen))
                {
                    Add(e, next, code, TestMethod.Ihc, Sample.Tissue, $"{code} was found in DNA only and a tissue expression test is negative: IHC ({(gene == Gene.Alk ? "D5F3 or 5A4" : "D4D6 or SP384")}) shows whether the {code} protein is made.", RuleIds.FusionNotExpressed);
                }
                else if (!mine.Any(c => c.IsTissue && c.Test.Method == TestMethod.NgsRna && c.Kind is CallKind.Positive or CallKind.Negative))
                {
                    Add(e, next, code, TestMethod.NgsRna, Sample.Tissue, $"{code} was found in DNA only and IHC is negative: RNA NGS on tissue shows whether a fusion transcript is made.", RuleIds.FusionNotExpressed);
                }
            }
            else if (mine.Any(c => c.Kind == CallKind.Screen))
            {
                // Trace id DX-IHC-003 (RuleIds.IhcRos1Screen) is written here; its sources: knowledge/rules/DX-IHC-003.json.
                Add(e, next, code, TestMethod.NgsRna, Sample.Tissue, $"Confirm the positive {code} IHC screen: RNA NGS detects every partner (FISH can miss GOPC).", RuleIds.IhcRos1Screen);
                if (!mine.Any(c => c.Test.Method == TestMethod.Fish))
                {
                    Add(e, next, code, TestMethod.Fish, Sample.Tissue, $"Break-apart FISH is the alternative confirmation of the {code} IHC screen where RNA NGS cannot be done.", RuleIds.IhcRos1Screen);
                }
            }
            else if (mine.Any(c => c.Kind == CallKind.Equivocal && c.Test.Method == TestMethod.Fish))
            {
                // Trace id DX-FISH-001 (RuleIds.FishRule) is written here; its sources: knowledge/rules/DX-FISH-001.json.
                Add(e, next, code, TestMethod.Fish, Sample.Tissue, $"{code} FISH is equivocal on the first 50 cells: a second reader scores 50 more (positive at ≥15% of 100).", RuleIds.FishRule);
                Add(e, next, code, TestMethod.NgsRna, Sample.Tissue, $"RNA NGS settles an equivocal {code} FISH and names the partner.", RuleIds.FishRule);
            }
            else if (mine.Any(c => c.Kind == CallKind.Equivocal && c.Test.Method == TestMethod.Ihc))
            {
                // Trace id DX-IHC-002 (RuleIds.IhcAlkWeak) is written here; its sources: knowledge/rules/DX-IHC-002.json.
                Add(e, next, code, TestMethod.Fish, Sample.Tissue, $"{code} IHC is equivocal or weak: confirm by break-apart FISH.", RuleIds.IhcAlkWeak);
                Add(e, next, code, TestMethod.NgsRna, Sample.Tissue, $"Or confirm the equivocal {code} IHC by RNA NGS, which also reads the partner.", RuleIds.IhcAlkWeak);
            }
            else if (mine.Any(c => c.Kind == CallKind.PlasmaNegative))
            {
                // Trace id DX-NGS-002 (RuleIds.PlasmaNegative) is written here; its sources: knowledge/rules/DX-NGS-002.json.
                Add(e, next, code, mutation ? TestMethod.NgsDna : TestMethod.NgsRna, Sample.Tissue,
                    $"{code} was not detected in plasma only: test tissue ({(mutation ? "DNA NGS" : "RNA NGS, or IHC/FISH")}) before concluding it is absent.", RuleIds.PlasmaNegative);
            }
            else if (mine.FirstOrDefault(c => c.Kind == CallKind.Negative && c.SampleNotStated) is { } unstated)
            {
                // Trace id DX-NGS-005 (RuleIds.SampleNotStated) is written here; its sources: knowledge/rules/DX-NGS-005.json.
                Add(e, next, code, mutation ? TestMethod.NgsDna : TestMethod.NgsRna, Sample.Tissue,
                    $"{unstated.Subject} does not state its sample: if it was tissue, say so; otherwise test tissue ({(mutation ? "DNA NGS" : "RNA NGS, or IHC/FISH")}) before concluding {code} is absent.", RuleIds.SampleNotStated);
            }
            else if (mine.FirstOrDefault(c => c.Kind == CallKind.Inadequate) is { } inadequate)
            {
                // Trace id DX-FISH-002 (RuleIds.FishInadequate) is written here; its sources: knowledge/rules/DX-FISH-002.json.
                var why = inadequate.Test.CellsScored is null ? "did not state how many nuclei were scored" : "had too few evaluable nuclei";
                Add(e, next, code, TestMethod.NgsRna, Sample.Tissue, $"The {code} FISH {why}: repeat on adequate tissue, or test by RNA NGS.", RuleIds.FishInadequate);
            }
            else
            {
                // Trace id DX-GENE-001 (RuleIds.GeneCombine) is written here; its sources: knowledge/rules/DX-GENE-001.json.
                Add(e, next, code, mutation ? TestMethod.NgsDna : TestMethod.NgsRna, Sample.Tissue, $"{code} is equivocal: {(mutation ? "DNA" : "RNA")} NGS on tissue settles it.", RuleIds.GeneCombine);
            }
        }
    }

    private static void Untested(Evaluation e, List<TestCall> calls, Dictionary<Gene, GeneStatus> genes, List<NextTest> next)
    {
        var histology = e.Case.Tumor.Histology;
        var why = histology == Histology.Squamous
            ? "squamous histology: NCCN advises testing in squamous disease too (never or light smokers, small biopsies, mixed histology)"
            : e.Case.Tumor.Resected == true ? "resected early-stage disease: ALK (and EGFR) status decides adjuvant therapy (ALINA)"
            : "every advanced NSCLC is tested for ALK and ROS1, whatever the age, sex or smoking history";
        foreach (var panel in e.Kb.Panel)
        {
            var g = panel.Gene;
            if (DiagnosisStage.AdequatelyNegative(calls, genes, g, panel.AdequateNegativeMethods))
            {
                continue;
            }

            var code = Codes.Gene.Code(g);

            var status = genes.GetValueOrDefault(g, GeneStatus.NotTested);
            if (status is GeneStatus.Positive or GeneStatus.Equivocal)
            {
                continue;
            }

            var dnaOnly = status == GeneStatus.Negative && panel.Alteration == PanelAlteration.Fusion;
            if (status == GeneStatus.NotTested || dnaOnly)
            {
                var method = panel.Alteration == PanelAlteration.Fusion ? TestMethod.NgsRna : TestMethod.NgsDna;
                var kinase = g is Gene.Alk or Gene.Ros1;
                var reason = dnaOnly
                    ? $"{code} was negative only on a DNA or limited assay, which misses fusions: add RNA NGS on tissue."
                    : kinase
                        ? $"{code} not yet tested ({why}); a broad NGS panel (DNA with RNA for fusions) on tissue covers it."
                        : $"{code} not yet tested: the same broad tissue NGS panel covers it ({(panel.Alteration == PanelAlteration.Fusion ? "RNA for fusions" : "DNA for mutations")}), so every actionable driver is known before treatment.";
                // Trace id DX-NGS-003 (RuleIds.DnaMissesFusions) is written here; its sources: knowledge/rules/DX-NGS-003.json.
                // Trace id DX-NEXT-001 (RuleIds.TestEveryone) is written here; its sources: knowledge/rules/DX-NEXT-001.json.
                Add(e, next, code, method, Sample.Tissue, reason, dnaOnly ? RuleIds.DnaMissesFusions : RuleIds.TestEveryone);
            }
        }

        if (!genes.ContainsKey(Gene.PdL1) && e.Case.Tumor.Resected != true)
        {
            Add(e, next, "PD-L1", TestMethod.Ihc, Sample.Tissue, "PD-L1 (TPS) is needed for the general NSCLC pathway should no driver be found.", RuleIds.TestEveryone);
        }
    }

    /// <summary>The resistance work-up: after progression on a TKI, genotype again (plasma and tissue) and look for transformation.</summary>
    public static void ForProgression(Evaluation e, TreatmentHistory history, DiagnosisFindings f)
    {
        Gene? kinase = f.Driver switch { Driver.Alk => Gene.Alk, Driver.Ros1 => Gene.Ros1, _ => null };
        // The latest progression: a TKI continued through CNS-only or oligo-progression after an earlier failure (alectinib
        // after crizotinib) is the one the work-up is about.
        var progressed = (history.LastFailedTargeted, history.ContinuedThroughLimitedProgression) switch
        {
            ({ } last, { } continued) => Position(e, continued) > Position(e, last) ? continued : last,
            var (last, continued) => last ?? continued,
        };
        if (kinase is not { } k || progressed is null)
        {
            return;
        }

        var gene = Codes.Gene.Code(k);

        // A later therapy taken now without a recorded progression already answered that progression: a work-up now
        // would biopsy disease that is controlled. It is asked for again when the current therapy fails.
        if (history.ContinuedThroughLimitedProgression is null && history.Ongoing is { } now
            && Position(e, progressed) >= 0 && Position(e, now) > Position(e, progressed))
        {
            e.Fire(RuleIds.ResistanceWorkup, $"No resistance work-up is asked for now: the progression on {e.Name(progressed.Therapy)} was followed by {e.Name(now.Therapy)}{HistoryReader.Since(now)}, taken now without a recorded progression; genotype again (plasma or tissue NGS) when it progresses.");
            return;
        }

        var on = $"progression on {e.Name(progressed.Therapy)}";
        if (!f.ProgressionGenotyped)
        {
            // Trace id DX-NEXT-002 (RuleIds.ResistanceWorkup) is written here; its sources: knowledge/rules/DX-NEXT-002.json.
            var variant = VariantNote(e, k, f.Variant);
            Add(e, f.NextTests, gene, TestMethod.NgsDna, Sample.Plasma, $"After {on}: plasma DNA NGS for {gene} resistance mutations{(e.Kb.SolventFront(k) is { } solventFront ? $" (e.g. solvent-front {solventFront.Name})" : "")} and bypass alterations such as MET amplification; it guides the next TKI.{variant.Text}{CnsOnly(progressed)}", RuleIds.ResistanceWorkup, variant.Sources);
        }

        // Mutations a plasma (or non-sequencing) test cannot phase: only tissue NGS shows whether they form a compound (SYS-RES-007).
        if (!f.ProgressionTissue && f.ResistanceMutations.FirstOrDefault(s => s.Mutations.Count > 1 && !s.Phased) is { } unphased)
        {
            Add(e, f.NextTests, gene, TestMethod.NgsDna, Sample.Tissue, $"After {on}: {string.Join(" and ", unphased.Mutations)} were found on {unphased.Source}, which cannot show whether they sit on one allele (a compound, often resistant to more TKIs) or in different clones; tissue NGS of a progressing site can phase them.", RuleIds.ResistanceWorkup);
        }

        // A plasma genotype that already explains the progression (an on-target mutation or a bypass alteration) spares a biopsy.
        var explained = f.ProgressionGenotyped && (f.ResistanceMutations.Count > 0 || f.Alterations.Count > 0);
        var histologyOpen = e.Case.Tumor.Histology != Histology.SmallCell && e.Case.Tumor.Transformation is null;
        if (!f.ProgressionTissue && !explained)
        {
            // DNA NGS reads the kinase-domain mutations and bypass amplifications that decide the next TKI; the fusion is already known.
            Add(e, f.NextTests, gene, TestMethod.NgsDna, Sample.Tissue, $"After {on}: re-biopsy the progressing site for tissue DNA NGS, which detects {gene} kinase-domain mutations and bypass alterations (a negative plasma result does not exclude them).", RuleIds.ResistanceWorkup);
            // A tumour that is already small-cell (at diagnosis or by a transformation found) is not re-biopsied to look for one.
            if (histologyOpen)
            {
                Add(e, f.NextTests, gene, TestMethod.Histology, Sample.Tissue, $"After {on}: histology of the re-biopsy looks for small-cell or squamous transformation, which changes treatment.", RuleIds.ResistanceWorkup);
            }
        }
        else if (f.ProgressionTissue && !f.ProgressionTissueGenotyped && !explained)
        {
            // The progression biopsy was tested by IHC, FISH or a fusion-only RNA panel: they show the fusion, not why it progressed.
            Add(e, f.NextTests, gene, TestMethod.NgsDna, Sample.Tissue, $"After {on}: the progression biopsy was tested for the {gene} fusion only (IHC, FISH or an RNA fusion panel), which cannot show kinase-domain mutations or bypass alterations such as MET amplification: DNA NGS of that tissue (a new biopsy if none is left) decides whether another {gene} TKI can still work.", RuleIds.ResistanceWorkup);
        }

        // The fusion positive at diagnosis is not found on the progression biopsy: a sign of kinase-independent resistance
        // or transformation, whatever else was tested.
        if (f.ProgressionExpressionLost.Count > 0 && histologyOpen)
        {
            Add(e, f.NextTests, gene, TestMethod.Histology, Sample.Tissue, $"After {on}: {gene} was positive at diagnosis but is negative on the progression biopsy ({string.Join(", ", f.ProgressionExpressionLost.Distinct().Select(DiagnosisStage.MethodName))}): review its histology for small-cell or squamous transformation and look for {gene}-independent resistance (bypass alterations) before another {gene} TKI.", RuleIds.ResistanceWorkup);
        }
    }

    /// <summary>Where an entry stands in the case's ordered history.</summary>
    private static int Position(Evaluation e, HistoryEntry h)
    {
        for (var i = 0; i < e.Case.History.Count; i++)
        {
            if (ReferenceEquals(e.Case.History[i], h))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// DX-VAR-001: the resistance mutations the knowledge base marks as found more often at progression with the EML4-ALK
    /// variant this case reports (variant 3: G1202R), named in the work-up so the genotype is looked for. Empty when the
    /// variant is not reported, not read, or carries no marker.
    /// </summary>
    private static (string Text, IReadOnlyList<string> Sources) VariantNote(Evaluation e, Gene kinase, string? reported)
    {
        if (kinase != Gene.Alk || FusionVariant.Number(reported) is not { } variant)
        {
            return ("", []);
        }

        var rows = e.Kb.Resistance.Where(r => r.Gene == kinase && r.EnrichedInVariant?.Variant == variant).ToList();
        if (rows.Count == 0)
        {
            return ("", []);
        }

        var names = string.Join(" and ", rows.Select(r => r.Name));
        var sources = rows.SelectMany(r => r.EnrichedInVariant!.Provenance.Sources).Distinct().ToList();
        if (Systemic.Rules.PublishedBy.NotYet(e, sources) is { } published)
        {
            Systemic.Rules.PublishedBy.Trace(e, [$"the link of EML4-ALK variant {variant[1..]} to {names} (first published {published})"]);
            return ("", []);
        }

        var note = $" The fusion is EML4-ALK variant {variant[1..]} (reported as '{reported}'), in which {names} {(rows.Count == 1 ? "is" : "are")} found more often at progression.";
        // Trace id DX-VAR-001 (RuleIds.FusionVariantEnrichment) is written here; its sources: the markers' own.
        e.Fire(RuleIds.FusionVariantEnrichment, $"EML4-ALK variant {variant[1..]}: {names} {(rows.Count == 1 ? "is" : "are")} found more often at progression with this variant; named in the resistance work-up.",
            sources);
        return (note, sources);
    }

    /// <summary>
    /// CNS-only progression sheds little tumour DNA into plasma: cerebrospinal fluid is the liquid biopsy that finds the
    /// resistance there. The contract has no CSF sample type, so the advice rides on the plasma test's reason.
    /// </summary>
    private static string CnsOnly(HistoryEntry progressed) => progressed.ProgressionPattern == ProgressionPattern.Cns
        ? " The progression is in the CNS only: plasma often misses it, so send cerebrospinal fluid (lumbar puncture) for DNA NGS too, or tissue from a resected brain lesion."
        : "";

    private static void Add(Evaluation e, List<NextTest> next, string gene, TestMethod method, Sample sample, string reason, string rule, IReadOnlyList<string>? alsoCited = null)
    {
        if (next.Any(n => n.Gene == gene && n.Method == method && n.Sample == sample))
        {
            return;
        }

        // The rule's sources (shared, as every trace entry shares them), then those of a fact the reason also states
        // (DX-VAR-001's variant link).
        var ruleSources = e.Kb.Rule(rule)?.Provenance.Sources ?? [];
        IReadOnlyList<string> refs = alsoCited is { Count: > 0 } ? [.. ruleSources.Concat(alsoCited).Distinct()] : ruleSources;
        next.Add(new NextTest { Gene = gene, Method = method, Sample = sample, Reason = reason, References = refs });
        e.Fire(rule, $"Next test: {gene} {DiagnosisStage.MethodName(method)} on {Codes.Sample.Code(sample)}. {reason}");
    }
}
