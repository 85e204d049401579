using FusionGuide.Domain.Wire;
using System.Text.Json.Serialization;

namespace FusionGuide.Domain;

#pragma warning disable CS1591 // an enum member is documented by its wire code, in its [JsonStringEnumMemberName]

// The contract's closed vocabularies of tests and therapies (the answer's are in AnswerVocabulary.cs, the patient's in
// PatientVocabulary.cs); each member's wire code is written once, in its
// [JsonStringEnumMemberName]; EnumCodec.Of<T>() reads them and CodecConverter<T> writes and reads the JSON.

/// <summary>A gene in the contract's closed vocabulary of tested genes.</summary>
[JsonConverter(typeof(CodecConverter<Gene>))]
public enum Gene
{
    [JsonStringEnumMemberName("ALK")]
    Alk,
    [JsonStringEnumMemberName("ROS1")]
    Ros1,
    [JsonStringEnumMemberName("EGFR")]
    Egfr,
    [JsonStringEnumMemberName("KRAS")]
    Kras,
    [JsonStringEnumMemberName("BRAF")]
    Braf,
    [JsonStringEnumMemberName("MET")]
    Met,
    [JsonStringEnumMemberName("RET")]
    Ret,
    [JsonStringEnumMemberName("NTRK1")]
    Ntrk1,
    [JsonStringEnumMemberName("NTRK2")]
    Ntrk2,
    [JsonStringEnumMemberName("NTRK3")]
    Ntrk3,
    [JsonStringEnumMemberName("ERBB2")]
    Erbb2,
    [JsonStringEnumMemberName("PD-L1")]
    PdL1,
}

/// <summary>How a biomarker was tested.</summary>
[JsonConverter(typeof(CodecConverter<TestMethod>))]
public enum TestMethod
{
    [JsonStringEnumMemberName("ihc")]
    Ihc,
    [JsonStringEnumMemberName("fish")]
    Fish,
    [JsonStringEnumMemberName("ngs-dna")]
    NgsDna,
    [JsonStringEnumMemberName("ngs-rna")]
    NgsRna,
    [JsonStringEnumMemberName("rt-pcr")]
    RtPcr,
    [JsonStringEnumMemberName("histology")]
    Histology,
}

/// <summary>The specimen a test was run on.</summary>
[JsonConverter(typeof(CodecConverter<Sample>))]
public enum Sample
{
    [JsonStringEnumMemberName("tissue")]
    Tissue,
    [JsonStringEnumMemberName("cytology")]
    Cytology,
    [JsonStringEnumMemberName("plasma")]
    Plasma,
}

/// <summary>IHC antibody clone.</summary>
[JsonConverter(typeof(CodecConverter<Clone>))]
public enum Clone
{
    [JsonStringEnumMemberName("D5F3")]
    D5F3,
    [JsonStringEnumMemberName("5A4")]
    A5A4,
    [JsonStringEnumMemberName("SP384")]
    SP384,
    [JsonStringEnumMemberName("D4D6")]
    D4D6,
    [JsonStringEnumMemberName("22C3")]
    C22C3,
    [JsonStringEnumMemberName("SP263")]
    SP263,
    [JsonStringEnumMemberName("other")]
    Other,
}

/// <summary>A laboratory's reported call.</summary>
[JsonConverter(typeof(CodecConverter<TestResult>))]
public enum TestResult
{
    [JsonStringEnumMemberName("positive")]
    Positive,
    [JsonStringEnumMemberName("negative")]
    Negative,
    [JsonStringEnumMemberName("equivocal")]
    Equivocal,
    [JsonStringEnumMemberName("failed")]
    Failed,
}

/// <summary>When a test was taken: at diagnosis (default) or at progression (the resistance picture).</summary>
[JsonConverter(typeof(CodecConverter<TestTiming>))]
public enum TestTiming
{
    [JsonStringEnumMemberName("diagnosis")]
    Diagnosis,
    [JsonStringEnumMemberName("progression")]
    Progression,
}

/// <summary>
/// A systemic therapy: the targeted drugs, then the other systemic therapies. Zidesamtinib (US approval 22 Jul 2026) was
/// added after the contract's ten targeted drugs, so the members before it keep their place.
/// </summary>
[JsonConverter(typeof(CodecConverter<Therapy>))]
public enum Therapy
{
    [JsonStringEnumMemberName("crizotinib")]
    Crizotinib,
    [JsonStringEnumMemberName("ceritinib")]
    Ceritinib,
    [JsonStringEnumMemberName("alectinib")]
    Alectinib,
    [JsonStringEnumMemberName("brigatinib")]
    Brigatinib,
    [JsonStringEnumMemberName("ensartinib")]
    Ensartinib,
    [JsonStringEnumMemberName("lorlatinib")]
    Lorlatinib,
    [JsonStringEnumMemberName("entrectinib")]
    Entrectinib,
    [JsonStringEnumMemberName("repotrectinib")]
    Repotrectinib,
    [JsonStringEnumMemberName("taletrectinib")]
    Taletrectinib,
    [JsonStringEnumMemberName("cabozantinib")]
    Cabozantinib,
    [JsonStringEnumMemberName("zidesamtinib")]
    Zidesamtinib,
    [JsonStringEnumMemberName("platinum-pemetrexed")]
    PlatinumPemetrexed,
    [JsonStringEnumMemberName("platinum-pemetrexed-bevacizumab")]
    PlatinumPemetrexedBevacizumab,
    [JsonStringEnumMemberName("chemo-immunotherapy")]
    ChemoImmunotherapy,
    [JsonStringEnumMemberName("immunotherapy-monotherapy")]
    ImmunotherapyMonotherapy,
    [JsonStringEnumMemberName("docetaxel")]
    Docetaxel,
    [JsonStringEnumMemberName("platinum-etoposide")]
    PlatinumEtoposide,
    [JsonStringEnumMemberName("clinical-trial")]
    ClinicalTrial,
    [JsonStringEnumMemberName("best-supportive-care")]
    BestSupportiveCare,
}

/// <summary>A local therapy.</summary>
[JsonConverter(typeof(CodecConverter<LocalTherapy>))]
public enum LocalTherapy
{
    [JsonStringEnumMemberName("srs")]
    Srs,
    [JsonStringEnumMemberName("wbrt")]
    Wbrt,
    [JsonStringEnumMemberName("neurosurgical-resection")]
    NeurosurgicalResection,
    [JsonStringEnumMemberName("metastasectomy")]
    Metastasectomy,
    [JsonStringEnumMemberName("sbrt")]
    Sbrt,
    [JsonStringEnumMemberName("rfa")]
    Rfa,
    [JsonStringEnumMemberName("bronchoscopic-debulking")]
    BronchoscopicDebulking,
    [JsonStringEnumMemberName("endobronchial-laser")]
    EndobronchialLaser,
    [JsonStringEnumMemberName("cryotherapy")]
    Cryotherapy,
    [JsonStringEnumMemberName("airway-stent")]
    AirwayStent,
}

/// <summary>Why a local therapy is proposed.</summary>
[JsonConverter(typeof(CodecConverter<LocalIndication>))]
public enum LocalIndication
{
    [JsonStringEnumMemberName("brain-metastases")]
    BrainMetastases,
    [JsonStringEnumMemberName("oligometastatic")]
    Oligometastatic,
    [JsonStringEnumMemberName("oligoprogression")]
    Oligoprogression,
    [JsonStringEnumMemberName("central-airway")]
    CentralAirway,
}

