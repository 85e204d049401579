using FusionGuide.Domain;
using FusionGuide.Domain.Wire;
using System.Text.Json.Serialization;

namespace FusionGuide.Knowledge.Model;

// The knowledge files' closed vocabularies: each member's file code is written once, in its [JsonStringEnumMemberName]
// (System.Text.Json's attribute, read by EnumCodec.Of<T>(); the files are read as strings by the wire DTOs).
#pragma warning disable CS1591 // an enum member is documented by its wire code, in its [JsonStringEnumMemberName]

/// <summary>A drug's kind.</summary>
public enum DrugKind
{
    [JsonStringEnumMemberName("targeted")]
    Targeted,
    [JsonStringEnumMemberName("other")]
    Other,
}

/// <summary>Intracranial activity of a drug.</summary>
public enum CnsLevel
{
    [JsonStringEnumMemberName("high")]
    High,
    [JsonStringEnumMemberName("moderate")]
    Moderate,
    [JsonStringEnumMemberName("low")]
    Low,
}

/// <summary>The setting an approval covers.</summary>
public enum ApprovalSetting
{
    [JsonStringEnumMemberName("first-line")]
    FirstLine,
    [JsonStringEnumMemberName("subsequent")]
    Subsequent,
    [JsonStringEnumMemberName("advanced")]
    Advanced,
    [JsonStringEnumMemberName("adjuvant")]
    Adjuvant,
    [JsonStringEnumMemberName("any")]
    Any,
    [JsonStringEnumMemberName("other-indication")]
    OtherIndication,
}

/// <summary>The regulatory status an approval record states.</summary>
public enum ApprovalStatus
{
    [JsonStringEnumMemberName("approved")]
    Approved,
    [JsonStringEnumMemberName("not-approved")]
    NotApproved,
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}

/// <summary>A patient characteristic a drug's patient-factor fact is about (the threshold is on the fact).</summary>
public enum PatientFactor
{
    /// <summary><c>age</c>: years, at or above the fact's threshold.</summary>
    [JsonStringEnumMemberName("age")]
    Age,
    /// <summary><c>ecog</c>: ECOG performance status, at or above the fact's threshold.</summary>
    [JsonStringEnumMemberName("ecog")]
    Ecog,
}

/// <summary>How a patient-factor fact orders a drug among equally recommended options.</summary>
public enum FactorEffect
{
    /// <summary><c>deprioritise</c>: ranked after equally recommended options without the concern.</summary>
    [JsonStringEnumMemberName("deprioritise")]
    Deprioritise,
    /// <summary><c>favour</c>: ranked before equally recommended options without the evidence.</summary>
    [JsonStringEnumMemberName("favour")]
    Favour,
}

/// <summary>What a comorbidity caution does to an option.</summary>
public enum CautionEffect
{
    [JsonStringEnumMemberName("deprioritise")]
    Deprioritise,
    [JsonStringEnumMemberName("avoid")]
    Avoid,
    [JsonStringEnumMemberName("warn")]
    Warn,
}

/// <summary>The dose a toxicity rule resumes at.</summary>
public enum Resume
{
    [JsonStringEnumMemberName("same")]
    Same,
    [JsonStringEnumMemberName("reduced")]
    Reduced,
    [JsonStringEnumMemberName("same-or-reduced")]
    SameOrReduced,
    [JsonStringEnumMemberName("none")]
    None,
}

/// <summary>A drug's activity against a resistance mutation, as a cell of the activity table states it.</summary>
public enum CellActivity
{
    [JsonStringEnumMemberName("sensitive")]
    Sensitive,
    [JsonStringEnumMemberName("intermediate")]
    Intermediate,
    [JsonStringEnumMemberName("resistant")]
    Resistant,
}

/// <summary>What a resistance cell's activity follows.</summary>
public enum CellBasis
{
    [JsonStringEnumMemberName("in-vitro")]
    InVitro,
    [JsonStringEnumMemberName("clinical")]
    Clinical,
    [JsonStringEnumMemberName("in-vitro-and-clinical")]
    InVitroAndClinical,
}

/// <summary>The setting a guideline preference table answers.</summary>
public enum RegimenSetting
{
    [JsonStringEnumMemberName("first-line")]
    FirstLine,
    [JsonStringEnumMemberName("subsequent")]
    Subsequent,
    [JsonStringEnumMemberName("post-targeted")]
    PostTargeted,
    [JsonStringEnumMemberName("adjuvant")]
    Adjuvant,
    [JsonStringEnumMemberName("small-cell")]
    SmallCell,
}

/// <summary>When a preference-table entry applies.</summary>
public enum RegimenCondition
{
    [JsonStringEnumMemberName("any")]
    Any,
    [JsonStringEnumMemberName("brain-metastases")]
    BrainMetastases,
    [JsonStringEnumMemberName("preferred-unavailable")]
    PreferredUnavailable,
    [JsonStringEnumMemberName("genotype-directed")]
    GenotypeDirected,
    [JsonStringEnumMemberName("cns-progression")]
    CnsProgression,
    [JsonStringEnumMemberName("nonsquamous")]
    Nonsquamous,
    [JsonStringEnumMemberName("extensive-stage")]
    ExtensiveStage,
}

/// <summary>A trial endpoint.</summary>
public enum TrialEndpoint
{
    [JsonStringEnumMemberName("PFS")]
    Pfs,
    [JsonStringEnumMemberName("OS")]
    Os,
    [JsonStringEnumMemberName("ORR")]
    Orr,
    [JsonStringEnumMemberName("IC-ORR")]
    IcOrr,
    [JsonStringEnumMemberName("IC-PFS")]
    IcPfs,
    [JsonStringEnumMemberName("DFS")]
    Dfs,
    [JsonStringEnumMemberName("CNS-DFS")]
    CnsDfs,
    [JsonStringEnumMemberName("DOR")]
    Dor,
}

/// <summary>The kind of a reference.</summary>
public enum ReferenceKind
{
    [JsonStringEnumMemberName("trial")]
    Trial,
    [JsonStringEnumMemberName("label")]
    Label,
    [JsonStringEnumMemberName("guideline")]
    Guideline,
    [JsonStringEnumMemberName("review")]
    Review,
    [JsonStringEnumMemberName("study")]
    Study,
    [JsonStringEnumMemberName("regulatory")]
    Regulatory,
    [JsonStringEnumMemberName("other")]
    Other,
}

/// <summary>How a fact was verified: in a primary source, or in two independent secondary sources.</summary>
public enum EvidenceLevel
{
    [JsonStringEnumMemberName("primary")]
    Primary,
    [JsonStringEnumMemberName("secondary")]
    Secondary,
}

/// <summary>A class of interacting medications the engine understands.</summary>
public enum InteractionClassCode
{
    [JsonStringEnumMemberName("cyp3a-strong-inhibitor")]
    Cyp3aStrongInhibitor,
    [JsonStringEnumMemberName("cyp3a-moderate-inhibitor")]
    Cyp3aModerateInhibitor,
    [JsonStringEnumMemberName("cyp3a-strong-inducer")]
    Cyp3aStrongInducer,
    [JsonStringEnumMemberName("cyp3a-moderate-inducer")]
    Cyp3aModerateInducer,
    [JsonStringEnumMemberName("qt-prolonging")]
    QtProlonging,
    [JsonStringEnumMemberName("bradycardic")]
    Bradycardic,
    [JsonStringEnumMemberName("pgp-inhibitor")]
    PgpInhibitor,
    [JsonStringEnumMemberName("hormonal-contraceptive")]
    HormonalContraceptive,
    [JsonStringEnumMemberName("acid-reducing")]
    AcidReducing,
    [JsonStringEnumMemberName("cyp3a-sensitive-substrate")]
    Cyp3aSensitiveSubstrate,
    /// <summary><c>cyp3a-weak-inducer</c> (dexamethasone: a standing of a co-medication; no TKI label has a rule for it)</summary>
    [JsonStringEnumMemberName("cyp3a-weak-inducer")]
    Cyp3aWeakInducer,
}

/// <summary>The kind of a common co-medication (<c>interactions/comedications/</c>).</summary>
public enum ComedicationGroup
{
    /// <summary><c>steroid</c></summary>
    [JsonStringEnumMemberName("steroid")]
    Steroid,
    /// <summary><c>antiepileptic</c></summary>
    [JsonStringEnumMemberName("antiepileptic")]
    Antiepileptic,
    /// <summary><c>antiemetic</c></summary>
    [JsonStringEnumMemberName("antiemetic")]
    Antiemetic,
    /// <summary><c>acid-suppressant</c></summary>
    [JsonStringEnumMemberName("acid-suppressant")]
    AcidSuppressant,
    /// <summary><c>antibiotic</c></summary>
    [JsonStringEnumMemberName("antibiotic")]
    Antibiotic,
    /// <summary><c>antifungal</c></summary>
    [JsonStringEnumMemberName("antifungal")]
    Antifungal,
    /// <summary><c>statin</c></summary>
    [JsonStringEnumMemberName("statin")]
    Statin,
    /// <summary><c>anticoagulant</c></summary>
    [JsonStringEnumMemberName("anticoagulant")]
    Anticoagulant,
    /// <summary><c>antidepressant</c></summary>
    [JsonStringEnumMemberName("antidepressant")]
    Antidepressant,
    /// <summary><c>antipsychotic</c></summary>
    [JsonStringEnumMemberName("antipsychotic")]
    Antipsychotic,
}

/// <summary>The kind of alteration a panel gene is tested for.</summary>
public enum PanelAlteration
{
    [JsonStringEnumMemberName("fusion")]
    Fusion,
    [JsonStringEnumMemberName("mutation")]
    Mutation,
}

#pragma warning restore CS1591

/// <summary>
/// The closed vocabularies of the knowledge files, each written once: the validator checks a file's term against the
/// codec (an unknown term is a KB005 load problem) and the compiler reads it into the typed value with the same codec.
/// Contract vocabularies (therapy, gene, histology …) are the domain's <see cref="Codes"/>.
/// </summary>
public static class Terms
{
    /// <summary><see cref="DrugKind"/>.</summary>
    public static EnumCodec<DrugKind> DrugKind => EnumCodec.Of<DrugKind>();

    /// <summary><see cref="CnsLevel"/>.</summary>
    public static EnumCodec<CnsLevel> Cns => EnumCodec.Of<CnsLevel>();

    /// <summary><see cref="ApprovalSetting"/>.</summary>
    public static EnumCodec<ApprovalSetting> ApprovalSetting => EnumCodec.Of<ApprovalSetting>();

    /// <summary><see cref="ApprovalStatus"/>.</summary>
    public static EnumCodec<ApprovalStatus> ApprovalStatus => EnumCodec.Of<ApprovalStatus>();

    /// <summary>The regions an approval may name (the contract's <c>other</c> is not one).</summary>
    public static readonly EnumCodec<Region> Region = EnumCodec.Subset(Domain.Region.US, Domain.Region.EU, Domain.Region.TR, Domain.Region.JP, Domain.Region.CN);

    /// <summary>The kinases of FusionGuide's scope.</summary>
    public static readonly EnumCodec<Gene> Kinase = EnumCodec.Subset(Gene.Alk, Gene.Ros1);

    /// <summary>The comorbidities an organ-function dose adjustment answers.</summary>
    public static readonly EnumCodec<Comorbidity> Organ = EnumCodec.Subset(Comorbidity.LiverImpairment, Comorbidity.RenalImpairment);

    /// <summary><see cref="CautionEffect"/>.</summary>
    public static EnumCodec<CautionEffect> CautionEffect => EnumCodec.Of<CautionEffect>();

    /// <summary><see cref="PatientFactor"/>.</summary>
    public static EnumCodec<PatientFactor> Factor => EnumCodec.Of<PatientFactor>();

    /// <summary><see cref="FactorEffect"/>.</summary>
    public static EnumCodec<FactorEffect> FactorEffect => EnumCodec.Of<FactorEffect>();

    /// <summary><see cref="Resume"/>.</summary>
    public static EnumCodec<Resume> Resume => EnumCodec.Of<Resume>();

    /// <summary><see cref="CellActivity"/>.</summary>
    public static EnumCodec<CellActivity> Activity => EnumCodec.Of<CellActivity>();

    /// <summary><see cref="CellBasis"/>.</summary>
    public static EnumCodec<CellBasis> Basis => EnumCodec.Of<CellBasis>();

    /// <summary><see cref="RegimenSetting"/>.</summary>
    public static EnumCodec<RegimenSetting> RegimenSetting => EnumCodec.Of<RegimenSetting>();

    /// <summary><see cref="RegimenCondition"/>.</summary>
    public static EnumCodec<RegimenCondition> Condition => EnumCodec.Of<RegimenCondition>();

    /// <summary><see cref="TrialEndpoint"/>.</summary>
    public static EnumCodec<TrialEndpoint> Endpoint => EnumCodec.Of<TrialEndpoint>();

    /// <summary><see cref="ReferenceKind"/>.</summary>
    public static EnumCodec<ReferenceKind> ReferenceKind => EnumCodec.Of<ReferenceKind>();

    /// <summary><see cref="EvidenceLevel"/>.</summary>
    public static EnumCodec<EvidenceLevel> EvidenceLevel => EnumCodec.Of<EvidenceLevel>();

    /// <summary><see cref="InteractionClassCode"/>.</summary>
    public static EnumCodec<InteractionClassCode> InteractionClass => EnumCodec.Of<InteractionClassCode>();

    /// <summary><see cref="Model.ComedicationGroup"/>.</summary>
    public static EnumCodec<ComedicationGroup> ComedicationGroup => EnumCodec.Of<ComedicationGroup>();

    /// <summary><see cref="PanelAlteration"/>.</summary>
    public static EnumCodec<PanelAlteration> PanelAlteration => EnumCodec.Of<PanelAlteration>();

    /// <summary><see cref="CarePathwayCode"/> (<c>knowledge/local/</c>).</summary>
    public static EnumCodec<CarePathwayCode> CarePathway => EnumCodec.Of<CarePathwayCode>();
}

/// <summary>A knowledge term as the files write it, for sentences that name it ("intracranial activity is high").</summary>
public static class TermCodes
{
    /// <summary>The file's code.</summary>
    public static string Code(this CnsLevel v) => Terms.Cns.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this CarePathwayCode v) => Terms.CarePathway.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this CellActivity v) => Terms.Activity.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this CautionEffect v) => Terms.CautionEffect.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this PatientFactor v) => Terms.Factor.Code(v);
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
