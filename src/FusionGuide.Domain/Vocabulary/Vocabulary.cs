using FusionGuide.Domain.Wire;
using System.Text.Json.Serialization;

namespace FusionGuide.Domain;

// The contract's closed vocabularies of tests and therapies (the answer's are in AnswerVocabulary.cs, the patient's in
// PatientVocabulary.cs); each enum carries its JSON converter over the one code table in Codes.

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
