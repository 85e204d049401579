using FusionGuide.Domain.Wire;
using System.Text.Json.Serialization;

namespace FusionGuide.Domain;

/// <summary>A gene in the contract's closed vocabulary of tested genes.</summary>
[JsonConverter(typeof(GeneConverter))]
public enum Gene
{
    /// <summary><c>ALK</c></summary>
    Alk,
    /// <summary><c>ROS1</c></summary>
    Ros1,
    /// <summary><c>EGFR</c></summary>
    Egfr,
    /// <summary><c>KRAS</c></summary>
    Kras,
    /// <summary><c>BRAF</c></summary>
    Braf,
    /// <summary><c>MET</c></summary>
    Met,
    /// <summary><c>RET</c></summary>
    Ret,
    /// <summary><c>NTRK1</c></summary>
    Ntrk1,
    /// <summary><c>NTRK2</c></summary>
    Ntrk2,
    /// <summary><c>NTRK3</c></summary>
    Ntrk3,
    /// <summary><c>ERBB2</c></summary>
    Erbb2,
    /// <summary><c>PD-L1</c></summary>
    PdL1,
}

/// <summary>JSON converter for <see cref="Gene"/>.</summary>
public sealed class GeneConverter() : CodecConverter<Gene>(Codes.Gene);

/// <summary>How a biomarker was tested.</summary>
[JsonConverter(typeof(TestMethodConverter))]
public enum TestMethod
{
    /// <summary><c>ihc</c></summary>
    Ihc,
    /// <summary><c>fish</c></summary>
    Fish,
    /// <summary><c>ngs-dna</c></summary>
    NgsDna,
    /// <summary><c>ngs-rna</c></summary>
    NgsRna,
    /// <summary><c>rt-pcr</c></summary>
    RtPcr,
    /// <summary><c>histology</c></summary>
    Histology,
}

/// <summary>JSON converter for <see cref="TestMethod"/>.</summary>
public sealed class TestMethodConverter() : CodecConverter<TestMethod>(Codes.TestMethod);

/// <summary>The specimen a test was run on.</summary>
[JsonConverter(typeof(SampleConverter))]
public enum Sample
{
    /// <summary><c>tissue</c></summary>
    Tissue,
    /// <summary><c>cytology</c></summary>
    Cytology,
    /// <summary><c>plasma</c></summary>
    Plasma,
}

/// <summary>JSON converter for <see cref="Sample"/>.</summary>
public sealed class SampleConverter() : CodecConverter<Sample>(Codes.Sample);

/// <summary>IHC antibody clone.</summary>
[JsonConverter(typeof(CloneConverter))]
public enum Clone
{
    /// <summary><c>D5F3</c></summary>
    D5F3,
    /// <summary><c>5A4</c></summary>
    A5A4,
    /// <summary><c>SP384</c></summary>
    SP384,
    /// <summary><c>D4D6</c></summary>
    D4D6,
    /// <summary><c>22C3</c></summary>
    C22C3,
    /// <summary><c>SP263</c></summary>
    SP263,
    /// <summary><c>other</c></summary>
    Other,
}

/// <summary>JSON converter for <see cref="Clone"/>.</summary>
public sealed class CloneConverter() : CodecConverter<Clone>(Codes.Clone);

/// <summary>A laboratory's reported call.</summary>
[JsonConverter(typeof(TestResultConverter))]
public enum TestResult
{
    /// <summary><c>positive</c></summary>
    Positive,
    /// <summary><c>negative</c></summary>
    Negative,
    /// <summary><c>equivocal</c></summary>
    Equivocal,
    /// <summary><c>failed</c></summary>
    Failed,
}

/// <summary>JSON converter for <see cref="TestResult"/>.</summary>
public sealed class TestResultConverter() : CodecConverter<TestResult>(Codes.TestResult);

/// <summary>When a test was taken: at diagnosis (default) or at progression (the resistance picture).</summary>
[JsonConverter(typeof(TestTimingConverter))]
public enum TestTiming
{
    /// <summary><c>diagnosis</c></summary>
    Diagnosis,
    /// <summary><c>progression</c></summary>
    Progression,
}

/// <summary>JSON converter for <see cref="TestTiming"/>.</summary>
public sealed class TestTimingConverter() : CodecConverter<TestTiming>(Codes.TestTiming);

/// <summary>A systemic therapy: the ten targeted drugs, then the other systemic therapies.</summary>
[JsonConverter(typeof(TherapyConverter))]
public enum Therapy
{
    /// <summary><c>crizotinib</c></summary>
    Crizotinib,
    /// <summary><c>ceritinib</c></summary>
    Ceritinib,
    /// <summary><c>alectinib</c></summary>
    Alectinib,
    /// <summary><c>brigatinib</c></summary>
    Brigatinib,
    /// <summary><c>ensartinib</c></summary>
    Ensartinib,
    /// <summary><c>lorlatinib</c></summary>
    Lorlatinib,
    /// <summary><c>entrectinib</c></summary>
    Entrectinib,
    /// <summary><c>repotrectinib</c></summary>
    Repotrectinib,
    /// <summary><c>taletrectinib</c></summary>
    Taletrectinib,
    /// <summary><c>cabozantinib</c></summary>
    Cabozantinib,
    /// <summary><c>platinum-pemetrexed</c></summary>
    PlatinumPemetrexed,
    /// <summary><c>platinum-pemetrexed-bevacizumab</c></summary>
    PlatinumPemetrexedBevacizumab,
    /// <summary><c>chemo-immunotherapy</c></summary>
    ChemoImmunotherapy,
    /// <summary><c>immunotherapy-monotherapy</c></summary>
    ImmunotherapyMonotherapy,
    /// <summary><c>docetaxel</c></summary>
    Docetaxel,
    /// <summary><c>platinum-etoposide</c></summary>
    PlatinumEtoposide,
    /// <summary><c>clinical-trial</c></summary>
    ClinicalTrial,
    /// <summary><c>best-supportive-care</c></summary>
    BestSupportiveCare,
}

/// <summary>JSON converter for <see cref="Therapy"/>.</summary>
public sealed class TherapyConverter() : CodecConverter<Therapy>(Codes.Therapy);

/// <summary>A local therapy.</summary>
[JsonConverter(typeof(LocalTherapyConverter))]
public enum LocalTherapy
{
    /// <summary><c>srs</c></summary>
    Srs,
    /// <summary><c>wbrt</c></summary>
    Wbrt,
    /// <summary><c>neurosurgical-resection</c></summary>
    NeurosurgicalResection,
    /// <summary><c>metastasectomy</c></summary>
    Metastasectomy,
    /// <summary><c>sbrt</c></summary>
    Sbrt,
    /// <summary><c>rfa</c></summary>
    Rfa,
    /// <summary><c>bronchoscopic-debulking</c></summary>
    BronchoscopicDebulking,
    /// <summary><c>endobronchial-laser</c></summary>
    EndobronchialLaser,
    /// <summary><c>cryotherapy</c></summary>
    Cryotherapy,
    /// <summary><c>airway-stent</c></summary>
    AirwayStent,
}

/// <summary>JSON converter for <see cref="LocalTherapy"/>.</summary>
public sealed class LocalTherapyConverter() : CodecConverter<LocalTherapy>(Codes.LocalTherapy);

/// <summary>Why a local therapy is proposed.</summary>
[JsonConverter(typeof(LocalIndicationConverter))]
public enum LocalIndication
{
    /// <summary><c>brain-metastases</c></summary>
    BrainMetastases,
    /// <summary><c>oligometastatic</c></summary>
    Oligometastatic,
    /// <summary><c>oligoprogression</c></summary>
    Oligoprogression,
    /// <summary><c>central-airway</c></summary>
    CentralAirway,
}

/// <summary>JSON converter for <see cref="LocalIndication"/>.</summary>
public sealed class LocalIndicationConverter() : CodecConverter<LocalIndication>(Codes.LocalIndication);

/// <summary>How strongly a guideline recommends an option.</summary>
[JsonConverter(typeof(PreferenceConverter))]
public enum Preference
{
    /// <summary><c>preferred</c></summary>
    Preferred,
    /// <summary><c>other-recommended</c></summary>
    OtherRecommended,
    /// <summary><c>certain-circumstances</c></summary>
    CertainCircumstances,
}

/// <summary>JSON converter for <see cref="Preference"/>.</summary>
public sealed class PreferenceConverter() : CodecConverter<Preference>(Codes.Preference);

/// <summary>The oncogenic driver the engine established.</summary>
[JsonConverter(typeof(DriverConverter))]
public enum Driver
{
    /// <summary><c>ALK</c></summary>
    Alk,
    /// <summary><c>ROS1</c></summary>
    Ros1,
    /// <summary><c>other</c></summary>
    Other,
    /// <summary><c>none</c></summary>
    None,
    /// <summary><c>indeterminate</c></summary>
    Indeterminate,
}

/// <summary>JSON converter for <see cref="Driver"/>.</summary>
public sealed class DriverConverter() : CodecConverter<Driver>(Codes.Driver);

/// <summary>The treatment setting of the case.</summary>
[JsonConverter(typeof(SettingConverter))]
public enum Setting
{
    /// <summary><c>diagnostic-workup</c></summary>
    DiagnosticWorkup,
    /// <summary><c>adjuvant</c></summary>
    Adjuvant,
    /// <summary><c>first-line</c></summary>
    FirstLine,
    /// <summary><c>subsequent-targeted</c></summary>
    SubsequentTargeted,
    /// <summary><c>post-targeted</c></summary>
    PostTargeted,
    /// <summary><c>non-targeted</c></summary>
    NonTargeted,
}

/// <summary>JSON converter for <see cref="Setting"/>.</summary>
public sealed class SettingConverter() : CodecConverter<Setting>(Codes.Setting);

/// <summary>What a label says to do with the drug for an adverse event.</summary>
[JsonConverter(typeof(ToxicityActionConverter))]
public enum ToxicityAction
{
    /// <summary><c>continue</c></summary>
    Continue,
    /// <summary><c>hold</c></summary>
    Hold,
    /// <summary><c>hold-then-reduce</c></summary>
    HoldThenReduce,
    /// <summary><c>reduce</c></summary>
    Reduce,
    /// <summary><c>discontinue</c></summary>
    Discontinue,
}

/// <summary>JSON converter for <see cref="ToxicityAction"/>.</summary>
public sealed class ToxicityActionConverter() : CodecConverter<ToxicityAction>(Codes.ToxicityAction);

/// <summary>The combined status of one gene.</summary>
[JsonConverter(typeof(GeneStatusConverter))]
public enum GeneStatus
{
    /// <summary><c>positive</c></summary>
    Positive,
    /// <summary><c>negative</c></summary>
    Negative,
    /// <summary><c>equivocal</c></summary>
    Equivocal,
    /// <summary><c>not-tested</c></summary>
    NotTested,
}

/// <summary>JSON converter for <see cref="GeneStatus"/>.</summary>
public sealed class GeneStatusConverter() : CodecConverter<GeneStatus>(Codes.GeneStatus);

/// <summary>Severity of a drug interaction.</summary>
[JsonConverter(typeof(SeverityConverter))]
public enum Severity
{
    /// <summary><c>contraindicated</c></summary>
    Contraindicated,
    /// <summary><c>major</c></summary>
    Major,
    /// <summary><c>moderate</c></summary>
    Moderate,
    /// <summary><c>minor</c></summary>
    Minor,
}

/// <summary>JSON converter for <see cref="Severity"/>.</summary>
public sealed class SeverityConverter() : CodecConverter<Severity>(Codes.Severity);

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
