using FusionGuide.Domain;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Knowledge.Model;

/// <summary>A drug's kind.</summary>
public enum DrugKind
{
    /// <summary><c>targeted</c></summary>
    Targeted,
    /// <summary><c>other</c></summary>
    Other,
}

/// <summary>Intracranial activity of a drug.</summary>
public enum CnsLevel
{
    /// <summary><c>high</c></summary>
    High,
    /// <summary><c>moderate</c></summary>
    Moderate,
    /// <summary><c>low</c></summary>
    Low,
}

/// <summary>The setting an approval covers.</summary>
public enum ApprovalSetting
{
    /// <summary><c>first-line</c></summary>
    FirstLine,
    /// <summary><c>subsequent</c></summary>
    Subsequent,
    /// <summary><c>advanced</c></summary>
    Advanced,
    /// <summary><c>adjuvant</c></summary>
    Adjuvant,
    /// <summary><c>any</c></summary>
    Any,
    /// <summary><c>other-indication</c></summary>
    OtherIndication,
}

/// <summary>The regulatory status an approval record states.</summary>
public enum ApprovalStatus
{
    /// <summary><c>approved</c></summary>
    Approved,
    /// <summary><c>not-approved</c></summary>
    NotApproved,
    /// <summary><c>unknown</c></summary>
    Unknown,
}

/// <summary>What a comorbidity caution does to an option.</summary>
public enum CautionEffect
{
    /// <summary><c>deprioritise</c></summary>
    Deprioritise,
    /// <summary><c>avoid</c></summary>
    Avoid,
    /// <summary><c>warn</c></summary>
    Warn,
}

/// <summary>The dose a toxicity rule resumes at.</summary>
public enum Resume
{
    /// <summary><c>same</c></summary>
    Same,
    /// <summary><c>reduced</c></summary>
    Reduced,
    /// <summary><c>same-or-reduced</c></summary>
    SameOrReduced,
    /// <summary><c>none</c></summary>
    None,
}

/// <summary>A drug's activity against a resistance mutation, as a cell of the activity table states it.</summary>
public enum CellActivity
{
    /// <summary><c>sensitive</c></summary>
    Sensitive,
    /// <summary><c>intermediate</c></summary>
    Intermediate,
    /// <summary><c>resistant</c></summary>
    Resistant,
}

/// <summary>What a resistance cell's activity follows.</summary>
public enum CellBasis
{
    /// <summary><c>in-vitro</c></summary>
    InVitro,
    /// <summary><c>clinical</c></summary>
    Clinical,
    /// <summary><c>in-vitro-and-clinical</c></summary>
    InVitroAndClinical,
}

/// <summary>The setting a guideline preference table answers.</summary>
public enum RegimenSetting
{
    /// <summary><c>first-line</c></summary>
    FirstLine,
    /// <summary><c>subsequent</c></summary>
    Subsequent,
    /// <summary><c>post-targeted</c></summary>
    PostTargeted,
    /// <summary><c>adjuvant</c></summary>
    Adjuvant,
    /// <summary><c>small-cell</c></summary>
    SmallCell,
}

/// <summary>When a preference-table entry applies.</summary>
public enum RegimenCondition
{
    /// <summary><c>any</c></summary>
    Any,
    /// <summary><c>brain-metastases</c></summary>
    BrainMetastases,
    /// <summary><c>preferred-unavailable</c></summary>
    PreferredUnavailable,
    /// <summary><c>genotype-directed</c></summary>
    GenotypeDirected,
    /// <summary><c>cns-progression</c></summary>
    CnsProgression,
    /// <summary><c>nonsquamous</c></summary>
    Nonsquamous,
    /// <summary><c>extensive-stage</c></summary>
    ExtensiveStage,
}

/// <summary>A trial endpoint.</summary>
public enum TrialEndpoint
{
    /// <summary><c>PFS</c></summary>
    Pfs,
    /// <summary><c>OS</c></summary>
    Os,
    /// <summary><c>ORR</c></summary>
    Orr,
    /// <summary><c>IC-ORR</c></summary>
    IcOrr,
    /// <summary><c>IC-PFS</c></summary>
    IcPfs,
    /// <summary><c>DFS</c></summary>
    Dfs,
    /// <summary><c>CNS-DFS</c></summary>
    CnsDfs,
    /// <summary><c>DOR</c></summary>
    Dor,
}

/// <summary>The kind of a reference.</summary>
public enum ReferenceKind
{
    /// <summary><c>trial</c></summary>
    Trial,
    /// <summary><c>label</c></summary>
    Label,
    /// <summary><c>guideline</c></summary>
    Guideline,
    /// <summary><c>review</c></summary>
    Review,
    /// <summary><c>study</c></summary>
    Study,
    /// <summary><c>regulatory</c></summary>
    Regulatory,
    /// <summary><c>other</c></summary>
    Other,
}

/// <summary>How a fact was verified: in a primary source, or in two independent secondary sources.</summary>
public enum EvidenceLevel
{
    /// <summary><c>primary</c></summary>
    Primary,
    /// <summary><c>secondary</c></summary>
    Secondary,
}

/// <summary>A class of interacting medications the engine understands.</summary>
public enum InteractionClassCode
{
    /// <summary><c>cyp3a-strong-inhibitor</c></summary>
    Cyp3aStrongInhibitor,
    /// <summary><c>cyp3a-moderate-inhibitor</c></summary>
    Cyp3aModerateInhibitor,
    /// <summary><c>cyp3a-strong-inducer</c></summary>
    Cyp3aStrongInducer,
    /// <summary><c>cyp3a-moderate-inducer</c></summary>
    Cyp3aModerateInducer,
    /// <summary><c>qt-prolonging</c></summary>
    QtProlonging,
    /// <summary><c>bradycardic</c></summary>
    Bradycardic,
    /// <summary><c>pgp-inhibitor</c></summary>
    PgpInhibitor,
    /// <summary><c>hormonal-contraceptive</c></summary>
    HormonalContraceptive,
    /// <summary><c>acid-reducing</c></summary>
    AcidReducing,
    /// <summary><c>cyp3a-sensitive-substrate</c></summary>
    Cyp3aSensitiveSubstrate,
    /// <summary><c>cyp3a-weak-inducer</c> (dexamethasone: a standing of a co-medication; no TKI label has a rule for it)</summary>
    Cyp3aWeakInducer,
}

/// <summary>The kind of a common co-medication (<c>interactions/comedications/</c>).</summary>
public enum ComedicationGroup
{
    /// <summary><c>steroid</c></summary>
    Steroid,
    /// <summary><c>antiepileptic</c></summary>
    Antiepileptic,
    /// <summary><c>antiemetic</c></summary>
    Antiemetic,
    /// <summary><c>acid-suppressant</c></summary>
    AcidSuppressant,
    /// <summary><c>antibiotic</c></summary>
    Antibiotic,
    /// <summary><c>antifungal</c></summary>
    Antifungal,
    /// <summary><c>statin</c></summary>
    Statin,
    /// <summary><c>anticoagulant</c></summary>
    Anticoagulant,
    /// <summary><c>antidepressant</c></summary>
    Antidepressant,
    /// <summary><c>antipsychotic</c></summary>
    Antipsychotic,
}

/// <summary>The kind of alteration a panel gene is tested for.</summary>
public enum PanelAlteration
{
    /// <summary><c>fusion</c></summary>
    Fusion,
    /// <summary><c>mutation</c></summary>
    Mutation,
}

/// <summary>
/// The closed vocabularies of the knowledge files, each written once: the validator checks a file's term against the
/// codec (an unknown term is a KB005 load problem) and the compiler reads it into the typed value with the same codec.
/// Contract vocabularies (therapy, gene, histology …) are the domain's <see cref="Codes"/>.
/// </summary>
public static class Terms
{
    /// <summary><see cref="DrugKind"/>.</summary>
    public static readonly EnumCodec<DrugKind> DrugKind = new((Model.DrugKind.Targeted, "targeted"), (Model.DrugKind.Other, "other"));

    /// <summary><see cref="CnsLevel"/>.</summary>
    public static readonly EnumCodec<CnsLevel> Cns = new((CnsLevel.High, "high"), (CnsLevel.Moderate, "moderate"), (CnsLevel.Low, "low"));

    /// <summary><see cref="ApprovalSetting"/>.</summary>
    public static readonly EnumCodec<ApprovalSetting> ApprovalSetting = new((Model.ApprovalSetting.FirstLine, "first-line"), (Model.ApprovalSetting.Subsequent, "subsequent"),
        (Model.ApprovalSetting.Advanced, "advanced"), (Model.ApprovalSetting.Adjuvant, "adjuvant"), (Model.ApprovalSetting.Any, "any"), (Model.ApprovalSetting.OtherIndication, "other-indication"));

    /// <summary><see cref="ApprovalStatus"/>.</summary>
    public static readonly EnumCodec<ApprovalStatus> ApprovalStatus = new((Model.ApprovalStatus.Approved, "approved"), (Model.ApprovalStatus.NotApproved, "not-approved"), (Model.ApprovalStatus.Unknown, "unknown"));

    /// <summary>The regions an approval may name (the contract's <c>other</c> is not one).</summary>
    public static readonly EnumCodec<Region> Region = new((Domain.Region.US, "US"), (Domain.Region.EU, "EU"), (Domain.Region.TR, "TR"), (Domain.Region.JP, "JP"), (Domain.Region.CN, "CN"));

    /// <summary>The kinases of FusionGuide's scope.</summary>
    public static readonly EnumCodec<Gene> Kinase = new((Gene.Alk, "ALK"), (Gene.Ros1, "ROS1"));

    /// <summary>The comorbidities an organ-function dose adjustment answers.</summary>
    public static readonly EnumCodec<Comorbidity> Organ = new((Comorbidity.LiverImpairment, "liver-impairment"), (Comorbidity.RenalImpairment, "renal-impairment"));

    /// <summary><see cref="CautionEffect"/>.</summary>
    public static readonly EnumCodec<CautionEffect> CautionEffect = new((Model.CautionEffect.Deprioritise, "deprioritise"), (Model.CautionEffect.Avoid, "avoid"), (Model.CautionEffect.Warn, "warn"));

    /// <summary><see cref="Resume"/>.</summary>
    public static readonly EnumCodec<Resume> Resume = new((Model.Resume.Same, "same"), (Model.Resume.Reduced, "reduced"), (Model.Resume.SameOrReduced, "same-or-reduced"), (Model.Resume.None, "none"));

    /// <summary><see cref="CellActivity"/>.</summary>
    public static readonly EnumCodec<CellActivity> Activity = new((CellActivity.Sensitive, "sensitive"), (CellActivity.Intermediate, "intermediate"), (CellActivity.Resistant, "resistant"));

    /// <summary><see cref="CellBasis"/>.</summary>
    public static readonly EnumCodec<CellBasis> Basis = new((CellBasis.InVitro, "in-vitro"), (CellBasis.Clinical, "clinical"), (CellBasis.InVitroAndClinical, "in-vitro-and-clinical"));

    /// <summary><see cref="RegimenSetting"/>.</summary>
    public static readonly EnumCodec<RegimenSetting> RegimenSetting = new((Model.RegimenSetting.FirstLine, "first-line"), (Model.RegimenSetting.Subsequent, "subsequent"),
        (Model.RegimenSetting.PostTargeted, "post-targeted"), (Model.RegimenSetting.Adjuvant, "adjuvant"), (Model.RegimenSetting.SmallCell, "small-cell"));

    /// <summary><see cref="RegimenCondition"/>.</summary>
    public static readonly EnumCodec<RegimenCondition> Condition = new((RegimenCondition.Any, "any"), (RegimenCondition.BrainMetastases, "brain-metastases"),
        (RegimenCondition.PreferredUnavailable, "preferred-unavailable"), (RegimenCondition.GenotypeDirected, "genotype-directed"), (RegimenCondition.CnsProgression, "cns-progression"),
        (RegimenCondition.Nonsquamous, "nonsquamous"), (RegimenCondition.ExtensiveStage, "extensive-stage"));

    /// <summary><see cref="TrialEndpoint"/>.</summary>
    public static readonly EnumCodec<TrialEndpoint> Endpoint = new((TrialEndpoint.Pfs, "PFS"), (TrialEndpoint.Os, "OS"), (TrialEndpoint.Orr, "ORR"), (TrialEndpoint.IcOrr, "IC-ORR"),
        (TrialEndpoint.IcPfs, "IC-PFS"), (TrialEndpoint.Dfs, "DFS"), (TrialEndpoint.CnsDfs, "CNS-DFS"), (TrialEndpoint.Dor, "DOR"));

    /// <summary><see cref="ReferenceKind"/>.</summary>
    public static readonly EnumCodec<ReferenceKind> ReferenceKind = new((Model.ReferenceKind.Trial, "trial"), (Model.ReferenceKind.Label, "label"), (Model.ReferenceKind.Guideline, "guideline"),
        (Model.ReferenceKind.Review, "review"), (Model.ReferenceKind.Study, "study"), (Model.ReferenceKind.Regulatory, "regulatory"), (Model.ReferenceKind.Other, "other"));

    /// <summary><see cref="EvidenceLevel"/>.</summary>
    public static readonly EnumCodec<EvidenceLevel> EvidenceLevel = new((Model.EvidenceLevel.Primary, "primary"), (Model.EvidenceLevel.Secondary, "secondary"));

    /// <summary><see cref="InteractionClassCode"/>.</summary>
    public static readonly EnumCodec<InteractionClassCode> InteractionClass = new(
        (InteractionClassCode.Cyp3aStrongInhibitor, "cyp3a-strong-inhibitor"), (InteractionClassCode.Cyp3aModerateInhibitor, "cyp3a-moderate-inhibitor"),
        (InteractionClassCode.Cyp3aStrongInducer, "cyp3a-strong-inducer"), (InteractionClassCode.Cyp3aModerateInducer, "cyp3a-moderate-inducer"),
        (InteractionClassCode.QtProlonging, "qt-prolonging"), (InteractionClassCode.Bradycardic, "bradycardic"), (InteractionClassCode.PgpInhibitor, "pgp-inhibitor"),
        (InteractionClassCode.HormonalContraceptive, "hormonal-contraceptive"), (InteractionClassCode.AcidReducing, "acid-reducing"),
        (InteractionClassCode.Cyp3aSensitiveSubstrate, "cyp3a-sensitive-substrate"), (InteractionClassCode.Cyp3aWeakInducer, "cyp3a-weak-inducer"));

    /// <summary><see cref="Model.ComedicationGroup"/>.</summary>
    public static readonly EnumCodec<ComedicationGroup> ComedicationGroup = new((Model.ComedicationGroup.Steroid, "steroid"), (Model.ComedicationGroup.Antiepileptic, "antiepileptic"),
        (Model.ComedicationGroup.Antiemetic, "antiemetic"), (Model.ComedicationGroup.AcidSuppressant, "acid-suppressant"), (Model.ComedicationGroup.Antibiotic, "antibiotic"),
        (Model.ComedicationGroup.Antifungal, "antifungal"), (Model.ComedicationGroup.Statin, "statin"), (Model.ComedicationGroup.Anticoagulant, "anticoagulant"),
        (Model.ComedicationGroup.Antidepressant, "antidepressant"), (Model.ComedicationGroup.Antipsychotic, "antipsychotic"));

    /// <summary><see cref="PanelAlteration"/>.</summary>
    public static readonly EnumCodec<PanelAlteration> PanelAlteration = new((Model.PanelAlteration.Fusion, "fusion"), (Model.PanelAlteration.Mutation, "mutation"));
}

/// <summary>A knowledge term as the files write it, for sentences that name it ("intracranial activity is high").</summary>
public static class TermCodes
{
    /// <summary>The file's code.</summary>
    public static string Code(this CnsLevel v) => Terms.Cns.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this CellActivity v) => Terms.Activity.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this CautionEffect v) => Terms.CautionEffect.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this RegimenCondition v) => Terms.Condition.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this RegimenSetting v) => Terms.RegimenSetting.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this InteractionClassCode v) => Terms.InteractionClass.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this ComedicationGroup v) => Terms.ComedicationGroup.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this Resume v) => Terms.Resume.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this ApprovalSetting v) => Terms.ApprovalSetting.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this ApprovalStatus v) => Terms.ApprovalStatus.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this ReferenceKind v) => Terms.ReferenceKind.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this TrialEndpoint v) => Terms.Endpoint.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this EvidenceLevel v) => Terms.EvidenceLevel.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this DrugKind v) => Terms.DrugKind.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this CellBasis v) => Terms.Basis.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this PanelAlteration v) => Terms.PanelAlteration.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Therapy v) => Codes.Therapy.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Gene v) => Codes.Gene.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Preference v) => Codes.Preference.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Comorbidity v) => Codes.Comorbidity.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Histology v) => Codes.Histology.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Severity v) => Codes.Severity.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this ToxicityAction v) => Codes.ToxicityAction.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this AdverseEventCode v) => Codes.AdverseEventCode.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Transformation v) => Codes.Transformation.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Region v) => Codes.Region.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this TestMethod v) => Codes.TestMethod.Code(v);
    /// <summary>A date as the files write it (YYYY-MM-DD).</summary>
    public static string Code(this DateOnly v) => Loading.KnowledgeDate.Format(v);
}
