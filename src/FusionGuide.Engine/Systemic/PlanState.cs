using FusionGuide.Domain;
using FusionGuide.Engine.Diagnosis;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Safety;
using FusionGuide.Engine.Systemic.Rules;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic;

/// <summary>
/// The working memory of one systemic decision: the facts of the case the rules read, and what they have decided so
/// far (candidates, avoid list, the situation sentence). The rules in <c>Rules/</c> read and change it;
/// <see cref="SystemicPlan"/> runs them in order. Created per case and discarded.
/// </summary>
internal sealed class PlanState(Evaluation e, DiagnosisFindings dx, TreatmentHistory h, Gene kinase)
{
    public Evaluation E { get; } = e;

    public DiagnosisFindings Dx { get; } = dx;

    public TreatmentHistory H { get; } = h;

    public Gene Kinase { get; } = kinase;

    public string KinaseCode { get; } = Codes.Gene.Code(kinase);

    /// <summary>The resistance findings (reading them writes SYS-RES-001…003 to the trace).</summary>
    public ResistanceProfile Profile { get; } = new(e, dx.ResistanceMutations, (h.ContinuedThroughLimitedProgression ?? h.LastFailedTargeted)?.Therapy);

    public AvoidList Avoid { get; } = new();

    /// <summary>The options so far, in the order they were added (the ranking's last tie-break).</summary>
    public List<Candidate> Candidates { get; } = [];

    /// <summary>The patient's situation in words, the first clause of every rationale ("after systemic progression on alectinib").</summary>
    public string Situation { get; set; } = "";

    /// <summary>Line of the recommendation: one more than the history's when a TKI continued through limited progression is given up.</summary>
    public int Line { get; set; } = h.Line;

    /// <summary>Stage I–III disease given first-line options only in case curative treatment is not possible (SYS-STAGE-001).</summary>
    public Stage? LimitedStage { get; set; }

    /// <summary>Stage I-III with only completed non-targeted therapy and no progression (SYS-STAGE-001): the options are for recurrence.</summary>
    public bool AfterCurativeTreatment { get; set; }

    /// <summary>Set when the setting has guideline tables, but none encoded for the evaluation date (SYS-TABLE-002).</summary>
    public bool NoTableForDate { get; set; }

    /// <summary>
    /// True once the off-target mechanisms found at progression have brought their therapies (SYS-RES-004). A plan that
    /// finds no targeted option after them goes on to the post-targeted pathway, which must not add them a second time
    /// (their notes twice on one option, each combination listed twice).
    /// </summary>
    public bool MechanismsAdded { get; set; }

    /// <summary>Table entries offered only when no preferred agent can be given (SYS-ACCESS-003).</summary>
    public List<(RegimenEntry Entry, int Order, Regimen Table)> Deferred { get; } = [];

    /// <summary>TKIs the disease progressed on that the genotype found now restores (SYS-RECHAL-001).</summary>
    public Dictionary<Therapy, (HistoryEntry Earlier, MutationSet Set, Resensitisation Record)> Rechallenges { get; } = [];

    public bool BrainMets => E.Case.Disease.BrainMetastases?.Present == true;

    public bool Squamous => E.Squamous;

    /// <summary>
    /// Small-cell carcinoma read as the tumour's histology, as opposed to a transformation at progression: the histology
    /// field or a small-cell "transformation" recorded before any TKI (no TKI, no resistance to read). After a TKI, a case
    /// that names a transformation is a transformation (its histology field may hold the re-biopsy's).
    /// </summary>
    public bool SmallCellHistology =>
        E.ResistanceTransformation is null &&
        (E.Case.Tumor.Histology == Histology.SmallCell || E.Case.Tumor.Transformation == Transformation.SmallCell);

    /// <summary>Stage IV (or not given): the extensive-stage SCLC options apply.</summary>
    public bool ExtensiveStage => E.Case.Tumor.Stage is null or Stage.IV or Stage.IVA or Stage.IVB;

    /// <summary>A TKI of this kinase in the history, whatever stopped it: the patient is no longer inhibitor-naive.</summary>
    public bool PriorInhibitor => H.TargetedExposure.Any(t => E.Kb.Drug(t).Targets.Contains(Kinase));

    /// <summary>The distant (M1) metastatic sites the case records, in words (StageIntent.Distant), read once per plan:
    /// the adjuvant question behind <see cref="ApprovalSetting"/> asks it for every candidate ranked.</summary>
    public IReadOnlyList<string> DistantMetastases => field ??= StageIntent.Distant(this);

    /// <summary>The regional standing of a drug for this plan's setting, after the TKIs the disease progressed on (Access.StandingOf).</summary>
    public (Standing Standing, Approval? Record) Standing(Drug drug, ApprovalSetting? setting = null) => StandingAt(null, drug, setting);

    /// <summary>The standing of a drug for this plan's setting in another jurisdiction than the case's (Access.StandingOf).</summary>
    public (Standing Standing, Approval? Record) StandingIn(Region region, Drug drug, ApprovalSetting? setting = null) => StandingAt(region, drug, setting);

    /// <summary>One call for both: the plan's history decides the same way whichever jurisdiction is asked (null: the case's).</summary>
    private (Standing Standing, Approval? Record) StandingAt(Region? region, Drug drug, ApprovalSetting? setting) =>
        Access.StandingOf(E, drug, Kinase, setting ?? ApprovalSetting, PriorInhibitor, LastProgressedOn,
            [.. H.Failed.Select(f => f.Therapy).Where(t => IsTargeted(t) && t != LastProgressedOn)],
            [.. H.Intolerant.Select(h => h.Therapy).Where(IsTargeted)], region);

    /// <summary>
    /// The TKI whose progression the plan answers when it is still taken (a continued TKI given up:
    /// Continuation.ProgressionToAnswer); null otherwise.
    /// </summary>
    public Therapy? AnsweredProgressionOn { get; set; }

    /// <summary>The TKI the disease last progressed on: the one answered now, else the last that ended at progression.</summary>
    public Therapy? LastProgressedOn => AnsweredProgressionOn ?? H.LastFailedTargeted?.Therapy;

    /// <summary>
    /// Which approvals apply: after a TKI failed, subsequent; else adjuvant after resection of a stage the adjuvant trials
    /// enrolled; else first line — a resected tumour outside IB–IIIA is treated as advanced disease (stage-inconsistent),
    /// and its options are judged against the advanced-disease approvals they are offered under.
    /// </summary>
    public ApprovalSetting ApprovalSetting => H.AnyTargetedFailure || AnsweredProgressionOn is not null ? ApprovalSetting.Subsequent
        : AdjuvantTherapy.Applies(this) && AdjuvantTherapy.EligibleStage(this) is not null ? ApprovalSetting.Adjuvant
        : ApprovalSetting.FirstLine;

    public bool IsTargeted(Therapy t) => HistoryReader.IsTargeted(E, t);

    /// <summary>
    /// The TKI taken now whose CNS progression is answered as its failure (SYS-CONT-007): it is offered again, after the
    /// options that answer the progression, as the alternative for the extracranial disease it still controls.
    /// </summary>
    public HistoryEntry? ContinuedBeside { get; set; }

    /// <summary>True when an option is a TKI other than a re-challenge: a targeted option is left.</summary>
    public bool AnyTargetedOption => Candidates.Any(c => IsTargeted(c.Therapy) && !c.IsRechallenge && !c.IsContinuedBeside);

    /// <summary>True when a TKI other than a re-challenge or a label-based option (SYS-LABEL-001) is left.</summary>
    public bool AnyPlacedTargetedOption => Candidates.Any(c => IsTargeted(c.Therapy) && !c.IsRechallenge && !c.IsLabelBased && !c.IsContinuedBeside);

    public string Name(Therapy t) => E.Name(t);

    /// <summary>A candidate's name, with what a combination adds it to ("crizotinib with lorlatinib continued"): the same therapy may be offered alone and in a combination.</summary>
    public string Name(Candidate c) => c.Combination is { } comb ? $"{Name(c.Therapy)} with {string.Join(" and ", comb.With.Select(Name))} continued" : Name(c.Therapy);

    /// <summary>The label reason that forces the current therapy to stop, if any adverse event does.</summary>
    public string? MustStop(HistoryEntry current)
    {
        foreach (var ae in E.Case.AdverseEvents.Where(a => ToxicityAdvisor.Attribute(a, current) == current.Therapy))
        {
            if (ae.Grade == 5)
            {
                return $"a fatal (grade 5) {AdverseEventWords.Of(ae.Event)} on it";
            }

            if (ToxicityAdvisor.Decide(E, current.Therapy, ae.Event, ae.Grade) is { Action: ToxicityAction.Discontinue })
            {
                return $"grade {ae.Grade} {AdverseEventWords.Of(ae.Event)} on it: the label says to discontinue permanently";
            }
        }

        // An event listed more than once is a recurrence (SAFE-TOX-005): its recurrence rule, or the end of the ladder, may stop it.
        foreach (var ((therapy, ev), listings) in ToxicityAdvisor.Recurrences(E, current))
        {
            if (therapy == current.Therapy && ToxicityAdvisor.StopsOnRecurrence(E, therapy, listings) is { } why)
            {
                return $"{AdverseEventWords.Of(ev)} recurring on it (listed {listings.All.Count} times): {why}";
            }
        }

        return null;
    }

    /// <summary>Words for the activity levels, as the rationales write them.</summary>
    public static string Describe(Activity a) => a switch
    {
        Activity.Sensitive => "sensitive",
        Activity.Intermediate => "intermediate",
        Activity.Unknown => "not rated (activity unknown)",
        _ => "resistant",
    };
}
