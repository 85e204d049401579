using FusionGuide.Domain.Wire;
using System.Text.Json.Serialization;

namespace FusionGuide.Domain;

#pragma warning disable CS1591 // an enum member is documented by its wire code, in its [JsonStringEnumMemberName]

// The contract's closed vocabularies of the patient and the history: histology, stage, transformation, sex, smoking, stop reason, progression pattern, adverse events, comorbidities, region, metastatic sites.

/// <summary>Tumour histology.</summary>
[JsonConverter(typeof(CodecConverter<Histology>))]
public enum Histology
{
    [JsonStringEnumMemberName("adenocarcinoma")]
    Adenocarcinoma,
    [JsonStringEnumMemberName("squamous")]
    Squamous,
    [JsonStringEnumMemberName("large-cell")]
    LargeCell,
    [JsonStringEnumMemberName("nsclc-nos")]
    NsclcNos,
    [JsonStringEnumMemberName("adenosquamous")]
    Adenosquamous,
    [JsonStringEnumMemberName("small-cell")]
    SmallCell,
}

/// <summary>AJCC stage group.</summary>
[JsonConverter(typeof(CodecConverter<Stage>))]
public enum Stage
{
    [JsonStringEnumMemberName("IA")]
    IA,
    [JsonStringEnumMemberName("IB")]
    IB,
    [JsonStringEnumMemberName("IIA")]
    IIA,
    [JsonStringEnumMemberName("IIB")]
    IIB,
    [JsonStringEnumMemberName("IIIA")]
    IIIA,
    [JsonStringEnumMemberName("IIIB")]
    IIIB,
    [JsonStringEnumMemberName("IIIC")]
    IIIC,
    [JsonStringEnumMemberName("IVA")]
    IVA,
    [JsonStringEnumMemberName("IVB")]
    IVB,
    [JsonStringEnumMemberName("IV")]
    IV,
}

/// <summary>A histologic change seen on a biopsy at progression.</summary>
[JsonConverter(typeof(CodecConverter<Transformation>))]
public enum Transformation
{
    [JsonStringEnumMemberName("small-cell")]
    SmallCell,
    [JsonStringEnumMemberName("squamous")]
    Squamous,
}

/// <summary>Patient sex.</summary>
[JsonConverter(typeof(CodecConverter<Sex>))]
public enum Sex
{
    [JsonStringEnumMemberName("female")]
    Female,
    [JsonStringEnumMemberName("male")]
    Male,
    [JsonStringEnumMemberName("other")]
    Other,
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}

/// <summary>Smoking history.</summary>
[JsonConverter(typeof(CodecConverter<Smoking>))]
public enum Smoking
{
    [JsonStringEnumMemberName("never")]
    Never,
    [JsonStringEnumMemberName("former")]
    Former,
    [JsonStringEnumMemberName("current")]
    Current,
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}

/// <summary>Why a therapy stopped.</summary>
[JsonConverter(typeof(CodecConverter<StopReason>))]
public enum StopReason
{
    [JsonStringEnumMemberName("progression")]
    Progression,
    [JsonStringEnumMemberName("intolerance")]
    Intolerance,
    [JsonStringEnumMemberName("completed")]
    Completed,
    [JsonStringEnumMemberName("ongoing")]
    Ongoing,
}

/// <summary>How the disease progressed.</summary>
[JsonConverter(typeof(CodecConverter<ProgressionPattern>))]
public enum ProgressionPattern
{
    [JsonStringEnumMemberName("systemic")]
    Systemic,
    [JsonStringEnumMemberName("cns")]
    Cns,
    [JsonStringEnumMemberName("oligoprogression")]
    Oligoprogression,
    [JsonStringEnumMemberName("both")]
    Both,
}

/// <summary>An adverse event in the contract's vocabulary.</summary>
[JsonConverter(typeof(CodecConverter<AdverseEventCode>))]
public enum AdverseEventCode
{
    [JsonStringEnumMemberName("hypertriglyceridemia")]
    Hypertriglyceridemia,
    [JsonStringEnumMemberName("hypercholesterolemia")]
    Hypercholesterolemia,
    [JsonStringEnumMemberName("cognitive-effects")]
    CognitiveEffects,
    [JsonStringEnumMemberName("mood-effects")]
    MoodEffects,
    [JsonStringEnumMemberName("peripheral-neuropathy")]
    PeripheralNeuropathy,
    [JsonStringEnumMemberName("ck-elevation")]
    CkElevation,
    [JsonStringEnumMemberName("alt-ast-elevation")]
    AltAstElevation,
    [JsonStringEnumMemberName("bradycardia")]
    Bradycardia,
    [JsonStringEnumMemberName("qtc-prolongation")]
    QtcProlongation,
    [JsonStringEnumMemberName("pneumonitis")]
    Pneumonitis,
    [JsonStringEnumMemberName("hypertension")]
    Hypertension,
    [JsonStringEnumMemberName("visual-disturbance")]
    VisualDisturbance,
    [JsonStringEnumMemberName("diarrhea")]
    Diarrhea,
    [JsonStringEnumMemberName("nausea")]
    Nausea,
    [JsonStringEnumMemberName("dizziness")]
    Dizziness,
    [JsonStringEnumMemberName("weight-gain")]
    WeightGain,
    [JsonStringEnumMemberName("edema")]
    Edema,
    [JsonStringEnumMemberName("hyperglycemia")]
    Hyperglycemia,
    [JsonStringEnumMemberName("anemia")]
    Anemia,
    [JsonStringEnumMemberName("neutropenia")]
    Neutropenia,
    [JsonStringEnumMemberName("other")]
    Other,
}

/// <summary>A comorbidity in the contract's vocabulary.</summary>
[JsonConverter(typeof(CodecConverter<Comorbidity>))]
public enum Comorbidity
{
    [JsonStringEnumMemberName("hyperlipidemia")]
    Hyperlipidemia,
    [JsonStringEnumMemberName("psychiatric-disorder")]
    PsychiatricDisorder,
    [JsonStringEnumMemberName("cognitive-impairment")]
    CognitiveImpairment,
    [JsonStringEnumMemberName("interstitial-lung-disease")]
    InterstitialLungDisease,
    [JsonStringEnumMemberName("hypertension")]
    Hypertension,
    [JsonStringEnumMemberName("bradycardia")]
    Bradycardia,
    [JsonStringEnumMemberName("long-qt")]
    LongQt,
    [JsonStringEnumMemberName("heart-failure")]
    HeartFailure,
    [JsonStringEnumMemberName("diabetes")]
    Diabetes,
    [JsonStringEnumMemberName("liver-impairment")]
    LiverImpairment,
    [JsonStringEnumMemberName("renal-impairment")]
    RenalImpairment,
    [JsonStringEnumMemberName("pregnancy")]
    Pregnancy,
    /// <summary>The patient is breastfeeding: each option's label lactation interval (SAFE-PREG-001).</summary>
    [JsonStringEnumMemberName("breastfeeding")]
    Breastfeeding,
}

/// <summary>The site's regulatory region.</summary>
[JsonConverter(typeof(CodecConverter<Region>))]
public enum Region
{
    [JsonStringEnumMemberName("US")]
    US,
    [JsonStringEnumMemberName("EU")]
    EU,
    [JsonStringEnumMemberName("TR")]
    TR,
    [JsonStringEnumMemberName("JP")]
    JP,
    [JsonStringEnumMemberName("CN")]
    CN,
    [JsonStringEnumMemberName("other")]
    Other,
}

/// <summary>A metastatic site.</summary>
[JsonConverter(typeof(CodecConverter<MetastaticSite>))]
public enum MetastaticSite
{
    [JsonStringEnumMemberName("brain")]
    Brain,
    [JsonStringEnumMemberName("bone")]
    Bone,
    [JsonStringEnumMemberName("liver")]
    Liver,
    [JsonStringEnumMemberName("adrenal")]
    Adrenal,
    [JsonStringEnumMemberName("lung")]
    Lung,
    [JsonStringEnumMemberName("pleura")]
    Pleura,
    [JsonStringEnumMemberName("pericardium")]
    Pericardium,
    [JsonStringEnumMemberName("lymph-node")]
    LymphNode,
    [JsonStringEnumMemberName("other")]
    Other,
}

