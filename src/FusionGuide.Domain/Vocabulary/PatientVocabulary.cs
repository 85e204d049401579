using FusionGuide.Domain.Wire;
using System.Text.Json.Serialization;

namespace FusionGuide.Domain;

// The contract's closed vocabularies of the patient and the history: histology, stage, transformation, sex, smoking, stop reason, progression pattern, adverse events, comorbidities, region, metastatic sites.

/// <summary>Tumour histology.</summary>
[JsonConverter(typeof(HistologyConverter))]
public enum Histology
{
    /// <summary><c>adenocarcinoma</c></summary>
    Adenocarcinoma,
    /// <summary><c>squamous</c></summary>
    Squamous,
    /// <summary><c>large-cell</c></summary>
    LargeCell,
    /// <summary><c>nsclc-nos</c></summary>
    NsclcNos,
    /// <summary><c>adenosquamous</c></summary>
    Adenosquamous,
    /// <summary><c>small-cell</c></summary>
    SmallCell,
}

/// <summary>JSON converter for <see cref="Histology"/>.</summary>
public sealed class HistologyConverter() : CodecConverter<Histology>(Codes.Histology);

/// <summary>AJCC stage group.</summary>
[JsonConverter(typeof(StageConverter))]
public enum Stage
{
    /// <summary><c>IA</c></summary>
    IA,
    /// <summary><c>IB</c></summary>
    IB,
    /// <summary><c>IIA</c></summary>
    IIA,
    /// <summary><c>IIB</c></summary>
    IIB,
    /// <summary><c>IIIA</c></summary>
    IIIA,
    /// <summary><c>IIIB</c></summary>
    IIIB,
    /// <summary><c>IIIC</c></summary>
    IIIC,
    /// <summary><c>IVA</c></summary>
    IVA,
    /// <summary><c>IVB</c></summary>
    IVB,
    /// <summary><c>IV</c></summary>
    IV,
}

/// <summary>JSON converter for <see cref="Stage"/>.</summary>
public sealed class StageConverter() : CodecConverter<Stage>(Codes.Stage);

/// <summary>A histologic change seen on a biopsy at progression.</summary>
[JsonConverter(typeof(TransformationConverter))]
public enum Transformation
{
    /// <summary><c>small-cell</c></summary>
    SmallCell,
    /// <summary><c>squamous</c></summary>
    Squamous,
}

/// <summary>JSON converter for <see cref="Transformation"/>.</summary>
public sealed class TransformationConverter() : CodecConverter<Transformation>(Codes.Transformation);

/// <summary>Patient sex.</summary>
[JsonConverter(typeof(SexConverter))]
public enum Sex
{
    /// <summary><c>female</c></summary>
    Female,
    /// <summary><c>male</c></summary>
    Male,
    /// <summary><c>other</c></summary>
    Other,
    /// <summary><c>unknown</c></summary>
    Unknown,
}

/// <summary>JSON converter for <see cref="Sex"/>.</summary>
public sealed class SexConverter() : CodecConverter<Sex>(Codes.Sex);

/// <summary>Smoking history.</summary>
[JsonConverter(typeof(SmokingConverter))]
public enum Smoking
{
    /// <summary><c>never</c></summary>
    Never,
    /// <summary><c>former</c></summary>
    Former,
    /// <summary><c>current</c></summary>
    Current,
    /// <summary><c>unknown</c></summary>
    Unknown,
}

/// <summary>JSON converter for <see cref="Smoking"/>.</summary>
public sealed class SmokingConverter() : CodecConverter<Smoking>(Codes.Smoking);

/// <summary>Why a therapy stopped.</summary>
[JsonConverter(typeof(StopReasonConverter))]
public enum StopReason
{
    /// <summary><c>progression</c></summary>
    Progression,
    /// <summary><c>intolerance</c></summary>
    Intolerance,
    /// <summary><c>completed</c></summary>
    Completed,
    /// <summary><c>ongoing</c></summary>
    Ongoing,
}

/// <summary>JSON converter for <see cref="StopReason"/>.</summary>
public sealed class StopReasonConverter() : CodecConverter<StopReason>(Codes.StopReason);

/// <summary>How the disease progressed.</summary>
[JsonConverter(typeof(ProgressionPatternConverter))]
public enum ProgressionPattern
{
    /// <summary><c>systemic</c></summary>
    Systemic,
    /// <summary><c>cns</c></summary>
    Cns,
    /// <summary><c>oligoprogression</c></summary>
    Oligoprogression,
    /// <summary><c>both</c></summary>
    Both,
}

/// <summary>JSON converter for <see cref="ProgressionPattern"/>.</summary>
public sealed class ProgressionPatternConverter() : CodecConverter<ProgressionPattern>(Codes.ProgressionPattern);

/// <summary>An adverse event in the contract's vocabulary.</summary>
[JsonConverter(typeof(AdverseEventCodeConverter))]
public enum AdverseEventCode
{
    /// <summary><c>hypertriglyceridemia</c></summary>
    Hypertriglyceridemia,
    /// <summary><c>hypercholesterolemia</c></summary>
    Hypercholesterolemia,
    /// <summary><c>cognitive-effects</c></summary>
    CognitiveEffects,
    /// <summary><c>mood-effects</c></summary>
    MoodEffects,
    /// <summary><c>peripheral-neuropathy</c></summary>
    PeripheralNeuropathy,
    /// <summary><c>ck-elevation</c></summary>
    CkElevation,
    /// <summary><c>alt-ast-elevation</c></summary>
    AltAstElevation,
    /// <summary><c>bradycardia</c></summary>
    Bradycardia,
    /// <summary><c>qtc-prolongation</c></summary>
    QtcProlongation,
    /// <summary><c>pneumonitis</c></summary>
    Pneumonitis,
    /// <summary><c>hypertension</c></summary>
    Hypertension,
    /// <summary><c>visual-disturbance</c></summary>
    VisualDisturbance,
    /// <summary><c>diarrhea</c></summary>
    Diarrhea,
    /// <summary><c>nausea</c></summary>
    Nausea,
    /// <summary><c>dizziness</c></summary>
    Dizziness,
    /// <summary><c>weight-gain</c></summary>
    WeightGain,
    /// <summary><c>edema</c></summary>
    Edema,
    /// <summary><c>hyperglycemia</c></summary>
    Hyperglycemia,
    /// <summary><c>anemia</c></summary>
    Anemia,
    /// <summary><c>neutropenia</c></summary>
    Neutropenia,
    /// <summary><c>other</c></summary>
    Other,
}

/// <summary>JSON converter for <see cref="AdverseEventCode"/>.</summary>
public sealed class AdverseEventCodeConverter() : CodecConverter<AdverseEventCode>(Codes.AdverseEventCode);

/// <summary>A comorbidity in the contract's vocabulary.</summary>
[JsonConverter(typeof(ComorbidityConverter))]
public enum Comorbidity
{
    /// <summary><c>hyperlipidemia</c></summary>
    Hyperlipidemia,
    /// <summary><c>psychiatric-disorder</c></summary>
    PsychiatricDisorder,
    /// <summary><c>cognitive-impairment</c></summary>
    CognitiveImpairment,
    /// <summary><c>interstitial-lung-disease</c></summary>
    InterstitialLungDisease,
    /// <summary><c>hypertension</c></summary>
    Hypertension,
    /// <summary><c>bradycardia</c></summary>
    Bradycardia,
    /// <summary><c>long-qt</c></summary>
    LongQt,
    /// <summary><c>heart-failure</c></summary>
    HeartFailure,
    /// <summary><c>diabetes</c></summary>
    Diabetes,
    /// <summary><c>liver-impairment</c></summary>
    LiverImpairment,
    /// <summary><c>renal-impairment</c></summary>
    RenalImpairment,
    /// <summary><c>pregnancy</c></summary>
    Pregnancy,
}

/// <summary>JSON converter for <see cref="Comorbidity"/>.</summary>
public sealed class ComorbidityConverter() : CodecConverter<Comorbidity>(Codes.Comorbidity);

/// <summary>The site's regulatory region.</summary>
[JsonConverter(typeof(RegionConverter))]
public enum Region
{
    /// <summary><c>US</c></summary>
    US,
    /// <summary><c>EU</c></summary>
    EU,
    /// <summary><c>TR</c></summary>
    TR,
    /// <summary><c>JP</c></summary>
    JP,
    /// <summary><c>CN</c></summary>
    CN,
    /// <summary><c>other</c></summary>
    Other,
}

/// <summary>JSON converter for <see cref="Region"/>.</summary>
public sealed class RegionConverter() : CodecConverter<Region>(Codes.Region);

/// <summary>A metastatic site.</summary>
[JsonConverter(typeof(MetastaticSiteConverter))]
public enum MetastaticSite
{
    /// <summary><c>brain</c></summary>
    Brain,
    /// <summary><c>bone</c></summary>
    Bone,
    /// <summary><c>liver</c></summary>
    Liver,
    /// <summary><c>adrenal</c></summary>
    Adrenal,
    /// <summary><c>lung</c></summary>
    Lung,
    /// <summary><c>pleura</c></summary>
    Pleura,
    /// <summary><c>pericardium</c></summary>
    Pericardium,
    /// <summary><c>lymph-node</c></summary>
    LymphNode,
    /// <summary><c>other</c></summary>
    Other,
}

/// <summary>JSON converter for <see cref="MetastaticSite"/>.</summary>
public sealed class MetastaticSiteConverter() : CodecConverter<MetastaticSite>(Codes.MetastaticSite);
