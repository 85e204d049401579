using FusionGuide.Domain.Wire;

namespace FusionGuide.Domain;

/// <summary>The wire codes of every contract enumeration, exactly as the contract lists them.</summary>
public static class Codes
{
    /// <summary>Codes of <see cref="FusionGuide.Domain.Gene"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Gene> Gene = new((global::FusionGuide.Domain.Gene.Alk, "ALK"), (global::FusionGuide.Domain.Gene.Ros1, "ROS1"), (global::FusionGuide.Domain.Gene.Egfr, "EGFR"), (global::FusionGuide.Domain.Gene.Kras, "KRAS"), (global::FusionGuide.Domain.Gene.Braf, "BRAF"), (global::FusionGuide.Domain.Gene.Met, "MET"), (global::FusionGuide.Domain.Gene.Ret, "RET"), (global::FusionGuide.Domain.Gene.Ntrk1, "NTRK1"), (global::FusionGuide.Domain.Gene.Ntrk2, "NTRK2"), (global::FusionGuide.Domain.Gene.Ntrk3, "NTRK3"), (global::FusionGuide.Domain.Gene.Erbb2, "ERBB2"), (global::FusionGuide.Domain.Gene.PdL1, "PD-L1"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.TestMethod"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.TestMethod> TestMethod = new((global::FusionGuide.Domain.TestMethod.Ihc, "ihc"), (global::FusionGuide.Domain.TestMethod.Fish, "fish"), (global::FusionGuide.Domain.TestMethod.NgsDna, "ngs-dna"), (global::FusionGuide.Domain.TestMethod.NgsRna, "ngs-rna"), (global::FusionGuide.Domain.TestMethod.RtPcr, "rt-pcr"), (global::FusionGuide.Domain.TestMethod.Histology, "histology"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Sample"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Sample> Sample = new((global::FusionGuide.Domain.Sample.Tissue, "tissue"), (global::FusionGuide.Domain.Sample.Cytology, "cytology"), (global::FusionGuide.Domain.Sample.Plasma, "plasma"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Clone"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Clone> Clone = new((global::FusionGuide.Domain.Clone.D5F3, "D5F3"), (global::FusionGuide.Domain.Clone.A5A4, "5A4"), (global::FusionGuide.Domain.Clone.SP384, "SP384"), (global::FusionGuide.Domain.Clone.D4D6, "D4D6"), (global::FusionGuide.Domain.Clone.C22C3, "22C3"), (global::FusionGuide.Domain.Clone.SP263, "SP263"), (global::FusionGuide.Domain.Clone.Other, "other"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.TestResult"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.TestResult> TestResult = new((global::FusionGuide.Domain.TestResult.Positive, "positive"), (global::FusionGuide.Domain.TestResult.Negative, "negative"), (global::FusionGuide.Domain.TestResult.Equivocal, "equivocal"), (global::FusionGuide.Domain.TestResult.Failed, "failed"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.TestTiming"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.TestTiming> TestTiming = new((global::FusionGuide.Domain.TestTiming.Diagnosis, "diagnosis"), (global::FusionGuide.Domain.TestTiming.Progression, "progression"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Therapy"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Therapy> Therapy = new((global::FusionGuide.Domain.Therapy.Crizotinib, "crizotinib"), (global::FusionGuide.Domain.Therapy.Ceritinib, "ceritinib"), (global::FusionGuide.Domain.Therapy.Alectinib, "alectinib"), (global::FusionGuide.Domain.Therapy.Brigatinib, "brigatinib"), (global::FusionGuide.Domain.Therapy.Ensartinib, "ensartinib"), (global::FusionGuide.Domain.Therapy.Lorlatinib, "lorlatinib"), (global::FusionGuide.Domain.Therapy.Entrectinib, "entrectinib"), (global::FusionGuide.Domain.Therapy.Repotrectinib, "repotrectinib"), (global::FusionGuide.Domain.Therapy.Taletrectinib, "taletrectinib"), (global::FusionGuide.Domain.Therapy.Cabozantinib, "cabozantinib"), (global::FusionGuide.Domain.Therapy.PlatinumPemetrexed, "platinum-pemetrexed"), (global::FusionGuide.Domain.Therapy.PlatinumPemetrexedBevacizumab, "platinum-pemetrexed-bevacizumab"), (global::FusionGuide.Domain.Therapy.ChemoImmunotherapy, "chemo-immunotherapy"), (global::FusionGuide.Domain.Therapy.ImmunotherapyMonotherapy, "immunotherapy-monotherapy"), (global::FusionGuide.Domain.Therapy.Docetaxel, "docetaxel"), (global::FusionGuide.Domain.Therapy.PlatinumEtoposide, "platinum-etoposide"), (global::FusionGuide.Domain.Therapy.ClinicalTrial, "clinical-trial"), (global::FusionGuide.Domain.Therapy.BestSupportiveCare, "best-supportive-care"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.LocalTherapy"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.LocalTherapy> LocalTherapy = new((global::FusionGuide.Domain.LocalTherapy.Srs, "srs"), (global::FusionGuide.Domain.LocalTherapy.Wbrt, "wbrt"), (global::FusionGuide.Domain.LocalTherapy.NeurosurgicalResection, "neurosurgical-resection"), (global::FusionGuide.Domain.LocalTherapy.Metastasectomy, "metastasectomy"), (global::FusionGuide.Domain.LocalTherapy.Sbrt, "sbrt"), (global::FusionGuide.Domain.LocalTherapy.Rfa, "rfa"), (global::FusionGuide.Domain.LocalTherapy.BronchoscopicDebulking, "bronchoscopic-debulking"), (global::FusionGuide.Domain.LocalTherapy.EndobronchialLaser, "endobronchial-laser"), (global::FusionGuide.Domain.LocalTherapy.Cryotherapy, "cryotherapy"), (global::FusionGuide.Domain.LocalTherapy.AirwayStent, "airway-stent"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.LocalIndication"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.LocalIndication> LocalIndication = new((global::FusionGuide.Domain.LocalIndication.BrainMetastases, "brain-metastases"), (global::FusionGuide.Domain.LocalIndication.Oligometastatic, "oligometastatic"), (global::FusionGuide.Domain.LocalIndication.Oligoprogression, "oligoprogression"), (global::FusionGuide.Domain.LocalIndication.CentralAirway, "central-airway"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Preference"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Preference> Preference = new((global::FusionGuide.Domain.Preference.Preferred, "preferred"), (global::FusionGuide.Domain.Preference.OtherRecommended, "other-recommended"), (global::FusionGuide.Domain.Preference.CertainCircumstances, "certain-circumstances"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Driver"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Driver> Driver = new((global::FusionGuide.Domain.Driver.Alk, "ALK"), (global::FusionGuide.Domain.Driver.Ros1, "ROS1"), (global::FusionGuide.Domain.Driver.Other, "other"), (global::FusionGuide.Domain.Driver.None, "none"), (global::FusionGuide.Domain.Driver.Indeterminate, "indeterminate"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Setting"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Setting> Setting = new((global::FusionGuide.Domain.Setting.DiagnosticWorkup, "diagnostic-workup"), (global::FusionGuide.Domain.Setting.Adjuvant, "adjuvant"), (global::FusionGuide.Domain.Setting.FirstLine, "first-line"), (global::FusionGuide.Domain.Setting.SubsequentTargeted, "subsequent-targeted"), (global::FusionGuide.Domain.Setting.PostTargeted, "post-targeted"), (global::FusionGuide.Domain.Setting.NonTargeted, "non-targeted"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.ToxicityAction"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.ToxicityAction> ToxicityAction = new((global::FusionGuide.Domain.ToxicityAction.Continue, "continue"), (global::FusionGuide.Domain.ToxicityAction.Hold, "hold"), (global::FusionGuide.Domain.ToxicityAction.HoldThenReduce, "hold-then-reduce"), (global::FusionGuide.Domain.ToxicityAction.Reduce, "reduce"), (global::FusionGuide.Domain.ToxicityAction.Discontinue, "discontinue"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.GeneStatus"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.GeneStatus> GeneStatus = new((global::FusionGuide.Domain.GeneStatus.Positive, "positive"), (global::FusionGuide.Domain.GeneStatus.Negative, "negative"), (global::FusionGuide.Domain.GeneStatus.Equivocal, "equivocal"), (global::FusionGuide.Domain.GeneStatus.NotTested, "not-tested"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Severity"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Severity> Severity = new((global::FusionGuide.Domain.Severity.Contraindicated, "contraindicated"), (global::FusionGuide.Domain.Severity.Major, "major"), (global::FusionGuide.Domain.Severity.Moderate, "moderate"), (global::FusionGuide.Domain.Severity.Minor, "minor"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Histology"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Histology> Histology = new((global::FusionGuide.Domain.Histology.Adenocarcinoma, "adenocarcinoma"), (global::FusionGuide.Domain.Histology.Squamous, "squamous"), (global::FusionGuide.Domain.Histology.LargeCell, "large-cell"), (global::FusionGuide.Domain.Histology.NsclcNos, "nsclc-nos"), (global::FusionGuide.Domain.Histology.Adenosquamous, "adenosquamous"), (global::FusionGuide.Domain.Histology.SmallCell, "small-cell"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Stage"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Stage> Stage = new((global::FusionGuide.Domain.Stage.IA, "IA"), (global::FusionGuide.Domain.Stage.IB, "IB"), (global::FusionGuide.Domain.Stage.IIA, "IIA"), (global::FusionGuide.Domain.Stage.IIB, "IIB"), (global::FusionGuide.Domain.Stage.IIIA, "IIIA"), (global::FusionGuide.Domain.Stage.IIIB, "IIIB"), (global::FusionGuide.Domain.Stage.IIIC, "IIIC"), (global::FusionGuide.Domain.Stage.IVA, "IVA"), (global::FusionGuide.Domain.Stage.IVB, "IVB"), (global::FusionGuide.Domain.Stage.IV, "IV"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Transformation"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Transformation> Transformation = new((global::FusionGuide.Domain.Transformation.SmallCell, "small-cell"), (global::FusionGuide.Domain.Transformation.Squamous, "squamous"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Sex"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Sex> Sex = new((global::FusionGuide.Domain.Sex.Female, "female"), (global::FusionGuide.Domain.Sex.Male, "male"), (global::FusionGuide.Domain.Sex.Other, "other"), (global::FusionGuide.Domain.Sex.Unknown, "unknown"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Smoking"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Smoking> Smoking = new((global::FusionGuide.Domain.Smoking.Never, "never"), (global::FusionGuide.Domain.Smoking.Former, "former"), (global::FusionGuide.Domain.Smoking.Current, "current"), (global::FusionGuide.Domain.Smoking.Unknown, "unknown"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.StopReason"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.StopReason> StopReason = new((global::FusionGuide.Domain.StopReason.Progression, "progression"), (global::FusionGuide.Domain.StopReason.Intolerance, "intolerance"), (global::FusionGuide.Domain.StopReason.Completed, "completed"), (global::FusionGuide.Domain.StopReason.Ongoing, "ongoing"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.ProgressionPattern"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.ProgressionPattern> ProgressionPattern = new((global::FusionGuide.Domain.ProgressionPattern.Systemic, "systemic"), (global::FusionGuide.Domain.ProgressionPattern.Cns, "cns"), (global::FusionGuide.Domain.ProgressionPattern.Oligoprogression, "oligoprogression"), (global::FusionGuide.Domain.ProgressionPattern.Both, "both"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.AdverseEventCode"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.AdverseEventCode> AdverseEventCode = new((global::FusionGuide.Domain.AdverseEventCode.Hypertriglyceridemia, "hypertriglyceridemia"), (global::FusionGuide.Domain.AdverseEventCode.Hypercholesterolemia, "hypercholesterolemia"), (global::FusionGuide.Domain.AdverseEventCode.CognitiveEffects, "cognitive-effects"), (global::FusionGuide.Domain.AdverseEventCode.MoodEffects, "mood-effects"), (global::FusionGuide.Domain.AdverseEventCode.PeripheralNeuropathy, "peripheral-neuropathy"), (global::FusionGuide.Domain.AdverseEventCode.CkElevation, "ck-elevation"), (global::FusionGuide.Domain.AdverseEventCode.AltAstElevation, "alt-ast-elevation"), (global::FusionGuide.Domain.AdverseEventCode.Bradycardia, "bradycardia"), (global::FusionGuide.Domain.AdverseEventCode.QtcProlongation, "qtc-prolongation"), (global::FusionGuide.Domain.AdverseEventCode.Pneumonitis, "pneumonitis"), (global::FusionGuide.Domain.AdverseEventCode.Hypertension, "hypertension"), (global::FusionGuide.Domain.AdverseEventCode.VisualDisturbance, "visual-disturbance"), (global::FusionGuide.Domain.AdverseEventCode.Diarrhea, "diarrhea"), (global::FusionGuide.Domain.AdverseEventCode.Nausea, "nausea"), (global::FusionGuide.Domain.AdverseEventCode.Dizziness, "dizziness"), (global::FusionGuide.Domain.AdverseEventCode.WeightGain, "weight-gain"), (global::FusionGuide.Domain.AdverseEventCode.Edema, "edema"), (global::FusionGuide.Domain.AdverseEventCode.Hyperglycemia, "hyperglycemia"), (global::FusionGuide.Domain.AdverseEventCode.Anemia, "anemia"), (global::FusionGuide.Domain.AdverseEventCode.Neutropenia, "neutropenia"), (global::FusionGuide.Domain.AdverseEventCode.Other, "other"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Comorbidity"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Comorbidity> Comorbidity = new((global::FusionGuide.Domain.Comorbidity.Hyperlipidemia, "hyperlipidemia"), (global::FusionGuide.Domain.Comorbidity.PsychiatricDisorder, "psychiatric-disorder"), (global::FusionGuide.Domain.Comorbidity.CognitiveImpairment, "cognitive-impairment"), (global::FusionGuide.Domain.Comorbidity.InterstitialLungDisease, "interstitial-lung-disease"), (global::FusionGuide.Domain.Comorbidity.Hypertension, "hypertension"), (global::FusionGuide.Domain.Comorbidity.Bradycardia, "bradycardia"), (global::FusionGuide.Domain.Comorbidity.LongQt, "long-qt"), (global::FusionGuide.Domain.Comorbidity.HeartFailure, "heart-failure"), (global::FusionGuide.Domain.Comorbidity.Diabetes, "diabetes"), (global::FusionGuide.Domain.Comorbidity.LiverImpairment, "liver-impairment"), (global::FusionGuide.Domain.Comorbidity.RenalImpairment, "renal-impairment"), (global::FusionGuide.Domain.Comorbidity.Pregnancy, "pregnancy"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.Region"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.Region> Region = new((global::FusionGuide.Domain.Region.US, "US"), (global::FusionGuide.Domain.Region.EU, "EU"), (global::FusionGuide.Domain.Region.TR, "TR"), (global::FusionGuide.Domain.Region.JP, "JP"), (global::FusionGuide.Domain.Region.CN, "CN"), (global::FusionGuide.Domain.Region.Other, "other"));

    /// <summary>Codes of <see cref="FusionGuide.Domain.MetastaticSite"/>.</summary>
    public static readonly EnumCodec<global::FusionGuide.Domain.MetastaticSite> MetastaticSite = new((global::FusionGuide.Domain.MetastaticSite.Brain, "brain"), (global::FusionGuide.Domain.MetastaticSite.Bone, "bone"), (global::FusionGuide.Domain.MetastaticSite.Liver, "liver"), (global::FusionGuide.Domain.MetastaticSite.Adrenal, "adrenal"), (global::FusionGuide.Domain.MetastaticSite.Lung, "lung"), (global::FusionGuide.Domain.MetastaticSite.Pleura, "pleura"), (global::FusionGuide.Domain.MetastaticSite.Pericardium, "pericardium"), (global::FusionGuide.Domain.MetastaticSite.LymphNode, "lymph-node"), (global::FusionGuide.Domain.MetastaticSite.Other, "other"));
}
