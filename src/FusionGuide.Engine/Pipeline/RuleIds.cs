namespace FusionGuide.Engine.Pipeline;

/// <summary>
/// Stable ids of the engine rules outside systemic planning (those live in their rule types, <c>Systemic/Rules/</c>,
/// and are listed by <c>SystemicRuleIds</c>). Each has a catalogue entry in <c>knowledge/rules/</c> with its sources;
/// the engine refuses to start on a knowledge base that lacks one.
/// </summary>
public static class RuleIds
{
#pragma warning disable CS1591 // The ids are self-describing; their meaning and sources live in knowledge/rules/.
    public const string IhcAlk = "DX-IHC-001";
    public const string IhcAlkWeak = "DX-IHC-002";
    public const string IhcRos1Screen = "DX-IHC-003";
    public const string IhcCloneMismatch = "DX-IHC-004";
    public const string IhcAlkOtherClone = "DX-IHC-006";
    public const string PdL1 = "DX-IHC-005";
    public const string FishRule = "DX-FISH-001";
    public const string FishInadequate = "DX-FISH-002";
    public const string FishNucleiNotStated = "DX-FISH-003";
    public const string FishLabDisagrees = "DX-FISH-004";
    public const string IhcContradicts = "DX-IHC-007";
    public const string KinaseFindingNotFusion = "DX-NGS-004";
    public const string FusionNotExpressed = "DX-PARTNER-003";
    public const string NgsCall = "DX-NGS-001";
    public const string PlasmaNegative = "DX-NGS-002";
    public const string SampleNotStated = "DX-NGS-005";
    public const string DnaMissesFusions = "DX-NGS-003";
    public const string FailedTest = "DX-FAIL-001";
    public const string GeneCombine = "DX-GENE-001";
    public const string Discordant = "DX-GENE-002";
    public const string Ros1FishMissesPartners = "DX-GENE-003";
    public const string Driver = "DX-DRIVER-001";
    public const string ConcurrentDrivers = "DX-DRIVER-002";
    public const string TestEveryone = "DX-NEXT-001";
    public const string ResistanceWorkup = "DX-NEXT-002";
    public const string FusionPartner = "DX-PARTNER-001";
    public const string UncommonPartner = "DX-PARTNER-002";
    public const string FusionVariantEnrichment = "DX-VAR-001";
    public const string TestAfterEvaluationDate = "DX-DATE-001";
    public const string FindingsNotAtProgression = "DX-TIMING-001";
    public const string ProgressionBypass = "DX-BYPASS-001";
    public const string LaterAllele = "DX-MUT-001";
    public const string History = "SET-HISTORY-001";
    public const string HistoryInconsistent = "SET-HISTORY-002";
    public const string StopReasonMissing = "SET-HISTORY-003";
    public const string BrainFromSites = "SET-BRAIN-001";
    public const string Intolerance = "SET-INTOL-001";
    public const string Setting = "SET-SETTING-001";
    public const string BrainTkiFirst = "LOC-BRAIN-001";
    public const string BrainSrs = "LOC-BRAIN-002";
    public const string BrainSurgery = "LOC-BRAIN-003";
    public const string BrainWbrt = "LOC-BRAIN-004";
    public const string Leptomeningeal = "LOC-BRAIN-005";
    public const string BrainSrsFit = "LOC-BRAIN-006";
    public const string BrainLocalWhateverTki = "LOC-BRAIN-007";
    public const string WbrtHippocampalMemantine = "LOC-BRAIN-008";
    public const string BrainSurveillance = "LOC-BRAIN-009";
    public const string LeptomeningealWorkup = "LOC-BRAIN-010";
    public const string BrainSteroids = "LOC-BRAIN-011";
    public const string BrainPoorPerformance = "LOC-BRAIN-012";
    public const string BrainAfterRadiosurgery = "LOC-BRAIN-013";
    public const string Oligometastatic = "LOC-OLIGO-001";
    public const string Oligoprogression = "LOC-OLIGO-002";
    public const string Airway = "LOC-AIRWAY-001";
    public const string Dosing = "SAFE-DOSE-001";
    public const string OrganAdjustment = "SAFE-DOSE-002";
    public const string OrganAdjustmentMissing = "SAFE-DOSE-004";
    public const string OrganAdjustmentOtherLabel = "SAFE-DOSE-005";
    public const string ChemotherapyRegimen = "SAFE-DOSE-003";
    public const string ToxicityRule = "SAFE-TOX-001";
    public const string ToxicityGeneral = "SAFE-TOX-002";
    public const string ToxicityGrade5 = "SAFE-TOX-003";
    public const string ToxicityUnattributed = "SAFE-TOX-004";
    public const string ToxicityRecurrence = "SAFE-TOX-005";
    public const string ToxicityOneCourse = "SAFE-TOX-006";
    public const string Monitoring = "SAFE-MON-001";
    public const string Interaction = "SAFE-INT-001";
    public const string UnknownMedication = "SAFE-INT-002";
    public const string InteractionOwnLabel = "SAFE-INT-003";
    public const string InteractionSwap = "SAFE-INT-004";
    public const string InteractionNone = "SAFE-INT-005";
    public const string InteractionTakenNow = "SAFE-INT-006";
    public const string MedicationRead = "SAFE-INT-007";
    public const string InteractionDose = "SAFE-INT-008";
    public const string Pregnancy = "SAFE-PREG-001";
    public const string ReproductivePotential = "SAFE-PREG-002";
    public const string Unverified = "KB-UNVERIFIED-001";
    public const string AfterRelease = "KB-DATE-001";
#pragma warning restore CS1591

    /// <summary>Every rule id, for the catalogue check (the systemic rules' ids live beside their code, in Systemic/Rules).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        IhcAlk,
        IhcAlkWeak,
        IhcRos1Screen,
        IhcCloneMismatch,
        IhcAlkOtherClone,
        PdL1,
        FishRule,
        FishNucleiNotStated,
        FishLabDisagrees,
        FishInadequate,
        IhcContradicts,
        KinaseFindingNotFusion,
        FusionNotExpressed,
        NgsCall,
        PlasmaNegative,
        SampleNotStated,
        DnaMissesFusions,
        FailedTest,
        GeneCombine,
        Discordant,
        Ros1FishMissesPartners,
        Driver,
        ConcurrentDrivers,
        TestEveryone,
        ResistanceWorkup,
        ProgressionBypass,
        LaterAllele,
        FusionPartner,
        UncommonPartner,
        FusionVariantEnrichment,
        History,
        HistoryInconsistent,
        StopReasonMissing,
        BrainFromSites,
        Intolerance,
        Setting,
        BrainTkiFirst,
        BrainSrs,
        BrainSurgery,
        BrainWbrt,
        Leptomeningeal,
        BrainSrsFit,
        BrainLocalWhateverTki,
        WbrtHippocampalMemantine,
        BrainSurveillance,
        LeptomeningealWorkup,
        BrainSteroids,
        BrainPoorPerformance,
        BrainAfterRadiosurgery,
        Oligometastatic,
        Oligoprogression,
        Airway,
        Dosing,
        OrganAdjustment,
        OrganAdjustmentMissing,
        OrganAdjustmentOtherLabel,
        ToxicityRule,
        ToxicityGeneral,
        ToxicityGrade5,
        ToxicityUnattributed,
        ToxicityRecurrence,
        ToxicityOneCourse,
        Monitoring,
        Interaction,
        UnknownMedication,
        InteractionOwnLabel,
        InteractionSwap,
        InteractionNone,
        InteractionTakenNow,
        MedicationRead,
        InteractionDose,
        Pregnancy,
        ReproductivePotential,
        Unverified,
        AfterRelease,
        .. Systemic.SystemicRuleIds.All,
    ];
}
