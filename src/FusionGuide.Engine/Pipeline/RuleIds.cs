namespace FusionGuide.Engine.Pipeline;

/// <summary>
/// Stable ids of every engine rule. Each has a catalogue entry in <c>knowledge/rules/</c> with its sources;
/// the engine refuses to start on a knowledge base that lacks one.
/// </summary>
public static class RuleIds
{
#pragma warning disable CS1591 // The ids are self-describing; their meaning and sources live in knowledge/rules/.
    public const string IhcAlk = "DX-IHC-001";
    public const string IhcAlkWeak = "DX-IHC-002";
    public const string IhcRos1Screen = "DX-IHC-003";
    public const string IhcCloneMismatch = "DX-IHC-004";
    public const string PdL1 = "DX-IHC-005";
    public const string FishRule = "DX-FISH-001";
    public const string FishInadequate = "DX-FISH-002";
    public const string NgsCall = "DX-NGS-001";
    public const string PlasmaNegative = "DX-NGS-002";
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
    public const string History = "SET-HISTORY-001";
    public const string HistoryInconsistent = "SET-HISTORY-002";
    public const string Intolerance = "SET-INTOL-001";
    public const string Setting = "SET-SETTING-001";
    public const string Adjuvant = "SYS-ADJ-001";
    public const string GuidelineTable = "SYS-TABLE-001";
    public const string ContinueTki = "SYS-CONT-001";
    public const string LimitedProgression = "SYS-CONT-002";
    public const string PriorProgression = "SYS-AVOID-001";
    public const string CrossDriver = "SYS-AVOID-002";
    public const string Resistance = "SYS-RES-001";
    public const string CompoundEstimated = "SYS-RES-002";
    public const string UnknownMutation = "SYS-RES-003";
    public const string OffTarget = "SYS-RES-004";
    public const string Transformation = "SYS-RES-005";
    public const string SensitiveAccounted = "SYS-RES-006";
    public const string Availability = "SYS-ACCESS-001";
    public const string RegionalApproval = "SYS-ACCESS-002";
    public const string PreferredUnavailable = "SYS-ACCESS-003";
    public const string Comorbidity = "SYS-COMORB-001";
    public const string Histology = "SYS-HIST-001";
    public const string BrainMetastasesRanking = "SYS-CNS-001";
    public const string ImmunotherapyAvoid = "SYS-IO-001";
    public const string PriorImmunotherapy = "SYS-IO-002";
    public const string PerformanceStatus = "SYS-PS-001";
    public const string NoTargetedOption = "SYS-POST-001";
    public const string NonTargeted = "SYS-SCOPE-001";
    public const string DiagnosticWorkup = "SYS-SCOPE-002";
    public const string Rank = "SYS-RANK-001";
    public const string Rechallenge = "SYS-RECHAL-001";
    public const string SmallCellHistology = "SYS-SCLC-001";
    public const string NoGuidelineForDate = "SYS-TABLE-002";
    public const string LabelScope = "SYS-ACCESS-004";
    public const string PriorPneumonitis = "SYS-COMORB-002";
    public const string DriverReferences = "SYS-REF-001";
    public const string BrainTkiFirst = "LOC-BRAIN-001";
    public const string BrainSrs = "LOC-BRAIN-002";
    public const string BrainSurgery = "LOC-BRAIN-003";
    public const string BrainWbrt = "LOC-BRAIN-004";
    public const string Leptomeningeal = "LOC-BRAIN-005";
    public const string Oligometastatic = "LOC-OLIGO-001";
    public const string Oligoprogression = "LOC-OLIGO-002";
    public const string Airway = "LOC-AIRWAY-001";
    public const string Dosing = "SAFE-DOSE-001";
    public const string OrganAdjustment = "SAFE-DOSE-002";
    public const string ToxicityRule = "SAFE-TOX-001";
    public const string ToxicityGeneral = "SAFE-TOX-002";
    public const string ToxicityGrade5 = "SAFE-TOX-003";
    public const string ToxicityUnattributed = "SAFE-TOX-004";
    public const string Monitoring = "SAFE-MON-001";
    public const string Interaction = "SAFE-INT-001";
    public const string UnknownMedication = "SAFE-INT-002";
    public const string InteractionOwnLabel = "SAFE-INT-003";
    public const string InteractionSwap = "SAFE-INT-004";
    public const string InteractionNone = "SAFE-INT-005";
    public const string Pregnancy = "SAFE-PREG-001";
    public const string Unverified = "KB-UNVERIFIED-001";
#pragma warning restore CS1591

    /// <summary>Every rule id, for the catalogue check.</summary>
    public static IReadOnlyList<string> All { get; } =
        
    [
        IhcAlk,
        IhcAlkWeak,
        IhcRos1Screen,
        IhcCloneMismatch,
        PdL1,
        FishRule,
        FishInadequate,
        NgsCall,
        PlasmaNegative,
        DnaMissesFusions,
        FailedTest,
        GeneCombine,
        Discordant,
        Ros1FishMissesPartners,
        Driver,
        ConcurrentDrivers,
        TestEveryone,
        ResistanceWorkup,
        FusionPartner,
        History,
        HistoryInconsistent,
        Intolerance,
        Setting,
        Adjuvant,
        GuidelineTable,
        ContinueTki,
        LimitedProgression,
        PriorProgression,
        CrossDriver,
        Resistance,
        CompoundEstimated,
        UnknownMutation,
        OffTarget,
        Transformation,
        SensitiveAccounted,
        Availability,
        RegionalApproval,
        PreferredUnavailable,
        Comorbidity,
        Histology,
        BrainMetastasesRanking,
        ImmunotherapyAvoid,
        PriorImmunotherapy,
        PerformanceStatus,
        NoTargetedOption,
        NonTargeted,
        DiagnosticWorkup,
        Rank,
        Rechallenge,
        SmallCellHistology,
        NoGuidelineForDate,
        LabelScope,
        PriorPneumonitis,
        DriverReferences,
        BrainTkiFirst,
        BrainSrs,
        BrainSurgery,
        BrainWbrt,
        Leptomeningeal,
        Oligometastatic,
        Oligoprogression,
        Airway,
        Dosing,
        OrganAdjustment,
        ToxicityRule,
        ToxicityGeneral,
        ToxicityGrade5,
        ToxicityUnattributed,
        Monitoring,
        Interaction,
        UnknownMedication,
        InteractionOwnLabel,
        InteractionSwap,
        InteractionNone,
        Pregnancy,
        Unverified,
    ];
}
