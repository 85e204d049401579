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
    [JsonStringEnumMemberName("squamous")]
    Squamous,
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

/// <summary>
/// The setting a trial's figures (or a drug's intracranial summary) come from: the evidence section of a result lists
/// figures only for the case's own setting (issue #20 item 7: no first-line figures after a TKI failed).
/// </summary>
public enum TrialSetting
{
    /// <summary>TKI-naive advanced disease.</summary>
    [JsonStringEnumMemberName("first-line")]
    FirstLine,
    /// <summary>Advanced disease after at least one TKI of the driver.</summary>
    [JsonStringEnumMemberName("after-tki")]
    AfterTki,
    /// <summary>After complete resection.</summary>
    [JsonStringEnumMemberName("adjuvant")]
    Adjuvant,
    /// <summary>Cohorts of TKI-naive and pretreated advanced disease, each figure naming its cohort (single-arm ROS1 trials).</summary>
    [JsonStringEnumMemberName("any")]
    Any,
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
    /// <summary><c>pgp-substrate</c> (dabigatran, apixaban, rivaroxaban, edoxaban: a TKI that inhibits or induces P-gp changes their exposure)</summary>
    [JsonStringEnumMemberName("pgp-substrate")]
    PgpSubstrate,
    /// <summary><c>pgp-inducer</c> (a TKI whose label says it induces P-gp: lorlatinib)</summary>
    [JsonStringEnumMemberName("pgp-inducer")]
    PgpInducer,
    /// <summary><c>cyp2c9-substrate</c> (warfarin: a TKI that inhibits CYP2C9 raises its exposure and the INR)</summary>
    [JsonStringEnumMemberName("cyp2c9-substrate")]
    Cyp2c9Substrate,
}

/// <summary>What a line of a drug's pregnancy, lactation and reproductive-potential sections is about (<c>reproductive/</c>).</summary>
public enum ReproductiveTopic
{
    /// <summary><c>embryo-fetal</c>: the label's embryo-fetal toxicity (US PI §5/§8.1, EU SmPC 4.6).</summary>
    [JsonStringEnumMemberName("embryo-fetal")]
    EmbryoFetal,
    /// <summary><c>contraception-female</c>: contraception for females of reproductive potential, and for how long after the last dose.</summary>
    [JsonStringEnumMemberName("contraception-female")]
    ContraceptionFemale,
    /// <summary><c>contraception-male</c>: contraception for males with female partners of reproductive potential, and for how long.</summary>
    [JsonStringEnumMemberName("contraception-male")]
    ContraceptionMale,
    /// <summary><c>lactation</c>: breastfeeding during treatment and for how long after the last dose.</summary>
    [JsonStringEnumMemberName("lactation")]
    Lactation,
}

/// <summary>Which options a step of a care pathway speaks to (the pregnancy pathway: the step goes on those options' rows).</summary>
public enum PathwayOption
{
    /// <summary><c>targeted</c>: the TKIs.</summary>
    [JsonStringEnumMemberName("targeted")]
    Targeted,
    /// <summary><c>chemotherapy</c>: plain cytotoxic regimens.</summary>
    [JsonStringEnumMemberName("chemotherapy")]
    Chemotherapy,
    /// <summary><c>immunotherapy-or-vegf</c>: regimens with a checkpoint inhibitor or a VEGF antibody.</summary>
    [JsonStringEnumMemberName("immunotherapy-or-vegf")]
    ImmunotherapyOrVegf,
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
