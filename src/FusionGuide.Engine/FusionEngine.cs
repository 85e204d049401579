using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Engine.Diagnosis;
using FusionGuide.Engine.Local;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Safety;
using FusionGuide.Engine.Systemic;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge;

namespace FusionGuide.Engine;

/// <summary>
/// The decision engine: a pure function of a case, the knowledge base and the evaluation date. No I/O, no clock,
/// no state between calls: the same case gives the same result, byte for byte.
/// </summary>
public sealed class FusionEngine
{
    /// <summary>Creates an engine over a validated knowledge base; fails when the base lacks what the rules need.</summary>
    public FusionEngine(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var missing = MissingRequirements(knowledgeBase);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The knowledge base lacks what the engine needs: {string.Join("; ", missing)}");
        }

        KnowledgeBase = knowledgeBase;
    }

    /// <summary>The knowledge base every result is read from.</summary>
    public KnowledgeBase KnowledgeBase { get; }

    /// <summary>What the engine needs from a knowledge base and it lacks (rule catalogue entries, thresholds, panel).</summary>
    public static IReadOnlyList<string> MissingRequirements(KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(kb);
        var missing = new List<string>();
        missing.AddRange(RuleIds.All.Where(r => kb.Rule(r) is null).Select(r => $"rule catalogue entry {r}"));
        missing.AddRange(Knowledge.Model.ClinicalThresholds.Required.Where(t => kb.ThresholdRecord(t) is null).Select(t => $"threshold {t}"));
        missing.AddRange(Knowledge.Model.CarePathway.Required.Where(p => kb.CarePathway(p) is null).Select(p => $"care pathway {Knowledge.Model.Terms.CarePathway.Code(p)} (local/)"));
        // An older release may lack a therapy added to the vocabulary later (zidesamtinib): a case naming it must not
        // meet a missing record mid-evaluation.
        missing.AddRange(Codes.Therapy.Values.Where(t => !kb.HasDrug(t)).Select(t => $"drug record {Codes.Therapy.Code(t)} (drugs/)"));
        if (kb.Panel.Count == 0)
        {
            missing.Add("the driver panel (diagnostics/panel)");
        }

        return missing;
    }

    /// <summary>Evaluates one case.</summary>
    /// <param name="case">A validated case.</param>
    /// <param name="asOf">The evaluation date; the knowledge base's release date when null.</param>
    /// <param name="notices">Notices from reading the case (unknown fields), carried into the warnings.</param>
    public Result Evaluate(Case @case, DateOnly? asOf = null, IReadOnlyList<InputNotice>? notices = null) => Run(@case, asOf, notices).Result;

    /// <summary>
    /// Evaluates one case and names, by their knowledge ids (as <c>kb audit</c> lists them), the unverified facts its
    /// result leans on — what its unverified-knowledge warning counts. For measuring a knowledge release over a cohort
    /// (<c>kb audit --cohort</c>, issue #17's "at most 10 % of results carry the warning").
    /// </summary>
    /// <param name="case">A validated case.</param>
    /// <param name="asOf">The evaluation date; the knowledge base's release date when null.</param>
    public (Result Result, IReadOnlyList<string> UnverifiedFacts) EvaluateNamingUnverified(Case @case, DateOnly? asOf = null)
    {
        var (result, e) = Run(@case, asOf, null);
        return (result, [.. e.Unverified.Keys.Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// SET-BRAIN-001: "brain" among the metastatic sites while <c>brainMetastases</c> does not say present (absent, or
    /// present false) is read as brain metastases present, number and size not given — the brain plan and the CNS-active
    /// ranking must not vanish because one of two fields was left out — and the answer says so.
    /// </summary>
    private static (Case Case, string? Said) BrainFromSites(Case @case)
    {
        var bm = @case.Disease.BrainMetastases;
        if (!@case.Disease.Sites.Contains(MetastaticSite.Brain) || bm?.Present == true)
        {
            return (@case, null);
        }

        var said = bm?.Present == false
            ? "'brain' is among the metastatic sites but brainMetastases says not present: read as brain metastases present (the cautious reading: brain imaging and a CNS-active TKI); correct whichever field is wrong."
            : "'brain' is among the metastatic sites but brainMetastases does not say whether they are present: read as present, with their number, size, symptoms and leptomeningeal spread not given.";
        return (@case with { Disease = @case.Disease with { BrainMetastases = (bm ?? new BrainMetastases()) with { Present = true } } }, said);
    }

    private (Result Result, Evaluation Evaluation) Run(Case @case, DateOnly? asOf, IReadOnlyList<InputNotice>? notices)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var (read, brainRead) = BrainFromSites(@case);
        var e = new Evaluation(read, KnowledgeBase, asOf ?? KnowledgeBase.ReleaseDate);
        foreach (var n in notices ?? [])
        {
            e.Warn(n.Kind, n.Message);
        }

        if (brainRead is not null)
        {
            e.Warn(WarningCodes.BrainMetastasesFromSites, brainRead);
            // Trace id SET-BRAIN-001 (RuleIds.BrainFromSites) is written here; its sources: knowledge/rules/SET-BRAIN-001.json.
            e.Fire(RuleIds.BrainFromSites, brainRead);
        }

        if (e.AsOf > KnowledgeBase.ReleaseDate)
        {
            // The knowledge base knows what was published by its release; a later evaluation date cannot see what came since.
            var msg = $"The evaluation date {e.AsOfText} is after the release of knowledge base {KnowledgeBase.Version} ({KnowledgeBase.ReleaseDate:yyyy-MM-dd}): labels, approvals and guidelines published since are not known to it; use a newer release for this date.";
            e.Warn(WarningCodes.KnowledgeAfterRelease, msg);
            // Trace id KB-DATE-001 (RuleIds.AfterRelease) is written here; its sources: knowledge/rules/KB-DATE-001.json.
            e.Fire(RuleIds.AfterRelease, msg);
        }

        var history = HistoryReader.Read(e);
        var dx = DiagnosisStage.Run(e, history);
        var systemic = SystemicStage.Run(e, dx, history);
        var local = LocalStage.Run(e, dx.Driver, systemic, history);
        var toxicity = SafetyStage.Toxicity(e, history, systemic.Setting == Setting.Adjuvant);
        // The labels' pregnancy, lactation and contraception lines go on the dosing rows; the pregnancy pathway's
        // obstetric review on the monitoring rows (SAFE-PREG-001/002).
        var (dosing, monitoring) = ReproductiveAdvice.Apply(e, systemic,
            SafetyStage.AfterToxicity([.. SafetyStage.Dosing(e, systemic), .. ChemotherapyRegimens.Rows(e, systemic)], toxicity), SafetyStage.Monitoring(e, systemic));
        var (interactions, doseChanges) = InteractionStage.Run(e, systemic);
        dosing = SafetyStage.AfterInteractions(e, dosing, doseChanges, toxicity);
        toxicity = SafetyStage.ToxicityBesideInteractions(toxicity, doseChanges);
        if (e.Unverified.Count > 0)
        {
            e.Warn(WarningCodes.UnverifiedKnowledge, UnverifiedWarning(e.Unverified.Count));
            // Trace id KB-UNVERIFIED-001 (RuleIds.Unverified) is written here; its sources: knowledge/rules/KB-UNVERIFIED-001.json.
            // By id only: what each fact lacks and what was searched for it is the knowledge base's record (kb audit), not
            // the patient's; restating those notes made this one entry more than half of every result's bytes.
            e.Fire(RuleIds.Unverified, $"{e.Unverified.Count} unverified fact(s) used: {string.Join("; ", e.Unverified.Keys)}. What each lacks and what was searched for it: fusionguide kb audit.");
        }

        var genes = new Dictionary<string, GeneStatus>(dx.Genes.Count);
        foreach (var (gene, status) in dx.Genes)
        {
            genes.Add(Codes.Gene.Code(gene), status);
        }

        var result = new Result
        {
            CaseId = @case.Id,
            KnowledgeBaseVersion = KnowledgeBase.Version,
            AsOf = e.AsOfText,
            Diagnosis = new Domain.Diagnosis
            {
                Driver = dx.Driver,
                Genes = genes,
                FusionPartner = dx.FusionPartner,
                FusionVariant = dx.Variant,
                NextTests = dx.NextTests,
                Warnings = e.DiagnosticWarnings,
            },
            SystemicTherapy = new SystemicTherapy { Setting = systemic.Setting, Line = systemic.Line, Options = systemic.Options, Avoid = systemic.Avoid },
            LocalTherapy = local.Options,
            BrainPlan = local.BrainPlan.Count > 0 ? local.BrainPlan : null,
            Dosing = dosing,
            ToxicityManagement = toxicity,
            // Surveillance the brain plan calls for (MRI while radiotherapy is deferred) follows the drugs' own rows.
            Monitoring = local.Monitoring.Count > 0 ? [.. monitoring, .. local.Monitoring] : monitoring,
            Interactions = interactions,
            Warnings = e.Warnings,
            Evidence = systemic.Evidence,
            Trace = e.Trace,
        };
        return (result, e);
    }

    /// <summary>
    /// The unverified-knowledge warning: a count and where the list is, once per result (issue #20 item 7). The facts
    /// are named in the trace entry it points to and on the rows they decide (an option's rationale, a dosing or
    /// toxicity row's caveat); <c>kb audit</c> lists every unverified fact with what was searched. It is never repeated:
    /// the renderers show it once (the web page as a badge that expands) and nothing else restates it.
    /// </summary>
    private static string UnverifiedWarning(int count) => count == 1
        ? $"1 fact behind this answer is not yet verified against a primary source: the trace entry {RuleIds.Unverified} names it (all such facts: fusionguide kb audit)."
        : $"{count} facts behind this answer are not yet verified against a primary source: the trace entry {RuleIds.Unverified} lists them (all such facts: fusionguide kb audit).";
}
