using FusionGuide.Engine.Systemic.Rules;

namespace FusionGuide.Engine.Systemic;

/// <summary>
/// The ids of the systemic rules, each declared in its rule's own file, for the start-up check of the rule catalogue
/// (<see cref="FusionEngine.MissingRequirements"/>). A test checks that every id constant under Systemic is listed.
/// </summary>
internal static class SystemicRuleIds
{
    public static IReadOnlyList<string> All { get; } =
    [
        SystemicStage.OutsideScopeId,
        SystemicStage.DiagnosticWorkupId,
        AdjuvantTherapy.Id,
        AdjuvantImmunotherapy.Id,
        AdjuvantCourse.CompletedId,
        AdjuvantCourse.OngoingId,
        CompletedCourse.Id,
        ContinuedRegimen.Id,
        StageIntent.CurativeId,
        StageIntent.ContradictedId,
        SmallCellHistology.Id,
        HistologicTransformation.Id,
        Continuation.Id,
        Continuation.LimitedProgressionId,
        GenotypeMatchedAlternative.Id,
        CnsSwitchAlternative.Id,
        GuidelineTable.Id,
        GuidelineTable.NoTableForDateId,
        GuidelineTable.NotCodedId,
        PriorProgression.Id,
        SameChemotherapy.Id,
        Rechallenge.Id,
        Immunotherapy.Id,
        Immunotherapy.PriorImmunotherapyId,
        Immunotherapy.StopCheckpointInhibitorId,
        Immunotherapy.BeforeDriverResultId,
        TrialWithoutTable.Id,
        ConventionalBeside.Id,
        ResistanceProfile.ResistanceId,
        ResistanceProfile.CompoundEstimatedId,
        ResistanceProfile.UnknownMutationId,
        UnphasedMutations.Id,
        OffTarget.Id,
        TkiCombinations.Id,
        SensitiveDrugsAccounted.Id,
        LabelBasedOption.Id,
        LabelBasedOption.ApprovedSinceTableId,
        LabelBasedOption.WithoutTableId,
        LabelBasedOption.UnansweredProgressionId,
        PreferredUnavailable.Id,
        NoTargetedOption.Id,
        KinaseTarget.Id,
        SiteAvailability.Id,
        RegionalApproval.Id,
        LabelScope.Id,
        HistologyFilter.Id,
        PerformanceStatus.Id,
        ComorbidityCautions.Id,
        PregnancyPathway.Id,
        ComorbidityCautions.PriorPneumonitisId,
        AgeFactor.Id,
        PerformanceStatusFactor.Id,
        PriorToxicity.Id,
        CoMedication.Id,
        Ranking.Id,
        Ranking.BrainMetastasesId,
        DriverReferences.Id,
        EvidenceSection.Id,
        PublishedBy.Id,
        WhatComesNext.Id,
    ];
}
