using FusionGuide.Domain;
using FusionGuide.Engine.Systemic.Rules;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic;

/// <summary>
/// The decision for an ALK- or ROS1-driven case as a pipeline of named rules (docs/architecture.md, "Systemic rules"):
/// each path below runs its rules in order over one <see cref="PlanState"/>; every rule lives in <c>Rules/</c>, in a file
/// holding its id, its sources and its trace line.
/// </summary>
internal static class SystemicPlan
{
    public static SystemicOutcome Decide(PlanState p)
    {
        MinorPatient.Say(p);
        if (p.SmallCellHistology)
        {
            return SmallCell(p);
        }

        AdjuvantTherapy.WarnIfMetastatic(p);
        if (AdjuvantTherapy.Applies(p))
        {
            if (AdjuvantTherapy.EligibleStage(p) is { } stage)
            {
                AdjuvantImmunotherapy.Avoid(p, adjuvantStage: true);
                return Adjuvant(p, stage);
            }

            if (AdjuvantTherapy.NoAdjuvantTherapy(p))
            {
                AdjuvantImmunotherapy.Avoid(p, adjuvantStage: false);
                return new SystemicOutcome(Setting.Adjuvant, null, [], p.Avoid.ToItems(r => DriverReferences.Keep(p, r)));
            }
        }

        StageIntent.Check(p);
        StageIntent.CheckBrainStatus(p);
        Immunotherapy.AvoidMonotherapy(p);
        Immunotherapy.WarnIfGivenBefore(p);
        HistologicTransformation.SayWithoutTki(p);
        if (p.E.ResistanceTransformation is { } transformation)
        {
            return Transformed(p, transformation);
        }

        var current = p.H.Current;
        var obtainable = current is null || !Access.UnavailableAtSite(p.E, current.Therapy, out _);
        // A TKI the genotype found at progression resists is not continued, whatever the history says. One continued
        // through CNS progression beyond local treatment, with no stronger CNS TKI to switch to, is answered as failed
        // and kept beside the answer (SYS-CONT-007).
        var continues = Continuation.Continues(p, current, obtainable);
        if (continues && current == p.H.ContinuedThroughLimitedProgression && CnsSwitchAlternative.AnsweredAsFailure(p, current!) is not null)
        {
            p.ContinuedBeside = current;
        }
        else if (continues)
        {
            var limited = Continuation.Add(p, current!);
            var switchLeads = false;
            if (limited)
            {
                GenotypeMatchedAlternative.Add(p, current!);
                switchLeads = CnsSwitchAlternative.Add(p, current!);
                SwitchFromNonPreferred.Add(p, current!);
                OffTarget.SayBesideContinuation(p, current!);
            }

            // A switch that leads (CNS disease beyond local treatment) is the next line after the continued TKI.
            return switchLeads
                ? Finish(p, Setting.SubsequentTargeted, p.H.Line + 1, continuing: true)
                : Finish(p, p.H.AnyTargetedFailure ? Setting.SubsequentTargeted : Setting.FirstLine, p.H.Line, continuing: limited);
        }

        if (current is not null)
        {
            SiteAvailability.CurrentUnobtainable(p, current);
        }

        var (failedTki, pattern) = Continuation.ProgressionToAnswer(p);
        return Advanced(p, failedTki, pattern);
    }

    /// <summary>First-line or after a TKI: the table, the genotype's and mechanisms' options, the filters, then the ranking.</summary>
    private static SystemicOutcome Advanced(PlanState p, Therapy? failedTki, ProgressionPattern? pattern)
    {
        RuleOutFromHistory(p);
        var table = failedTki is { } failed ? GuidelineTable.FindAfter(p, failed, pattern) : GuidelineTable.FindFirstLine(p);
        var setting = failedTki is null ? Setting.FirstLine : Setting.SubsequentTargeted;
        if (table is not null)
        {
            GuidelineTable.Add(p, table, pattern);
            LabelBasedOption.AddApprovedSinceTable(p, table, failedTki);
            if (failedTki is null)
            {
                LabelBasedOption.AddAfterIntoleranceBesideTable(p, table);
            }
        }
        else if (p.NoTableForDate)
        {
            // Never apply later guideline content to an earlier date: only what an approval in force then covers is
            // offered (SYS-LABEL-003), and the answer says no guideline table applies. After progression the genotype
            // and the conventional pathway still apply below (without a table's content).
            LabelBasedOption.AddWithoutTable(p, failedTki);
            if (failedTki is null)
            {
                CandidateFilters.Apply(p);
                TrialWithoutTable.AddIfNone(p);
                return Finish(p, setting, p.Line);
            }
        }
        else if (failedTki is { } unanswered)
        {
            // Tables apply on the date, but none answers progression on this TKI: a label written for use after it does.
            LabelBasedOption.AddForUnansweredProgression(p, unanswered);
        }

        OffTarget.AddMechanisms(p);
        Rechallenge.Add(p);
        CandidateFilters.Apply(p);
        PreferredUnavailable.Admit(p, table);
        LabelBasedOption.Add(p, failedTki);
        SensitiveDrugsAccounted.Apply(p);
        IntolerantRechallenge.AddIfNoneLeft(p, table, pattern);
        CompletedCourse.Say(p);
        // A label-based option alone does not keep the plan targeted: the conventional pathway applies, with it beside.
        if (!p.AnyPlacedTargetedOption)
        {
            return PostTargeted(p, NoTargetedOption.ExhaustedBecause(p, failedTki));
        }

        ConventionalBeside.Add(p, failedTki);

        return Finish(p, setting, p.Line);
    }

    private static SystemicOutcome Adjuvant(PlanState p, Stage stage)
    {
        var table = AdjuvantTherapy.Table(p, stage);
        Intolerance.RuleOut(p);
        if (table is not null && AdjuvantCourse.Ongoing(p, table) is { } entry && !p.Avoid.Contains(entry.Therapy))
        {
            AdjuvantCourse.Continue(p, table, entry);
            return Finish(p, Setting.Adjuvant, null);
        }

        if (AdjuvantCourse.OngoingOnLabel(p, table) is { } label && !p.Avoid.Contains(p.H.Ongoing!.Therapy))
        {
            AdjuvantCourse.ContinueOnLabel(p, label);
            return Finish(p, Setting.Adjuvant, null);
        }

        if (p.H.Ongoing is null && AdjuvantCourse.Completed(p) is { Count: > 0 } completed)
        {
            AdjuvantCourse.SayCompleted(p, completed);
            return new SystemicOutcome(Setting.Adjuvant, null, [], p.Avoid.ToItems(r => DriverReferences.Keep(p, r)));
        }

        if (table is null && p.NoTableForDate)
        {
            // Before the first adjuvant table held: what an adjuvant approval in force covers (SYS-LABEL-003).
            LabelBasedOption.AddWithoutTable(p, null);
            return Finish(p, Setting.Adjuvant, null);
        }

        if (table is null)
        {
            return new SystemicOutcome(Setting.Adjuvant, null, [], p.Avoid.ToItems(r => DriverReferences.Keep(p, r)));
        }

        GuidelineTable.Add(p, table, null);
        // An adjuvant label granted after the table's guideline was written (alectinib on ALINA while the last table held
        // lists chemotherapy only) is offered beside it (SYS-LABEL-002).
        LabelBasedOption.AddApprovedSinceTable(p, table, null);
        CandidateFilters.Apply(p);
        PreferredUnavailable.Admit(p, table);
        return Finish(p, Setting.Adjuvant, null);
    }

    private static SystemicOutcome Transformed(PlanState p, Transformation transformation)
    {
        var mechanism = HistologicTransformation.Start(p, transformation);
        RuleOutFromHistory(p);
        if (mechanism is not null)
        {
            OffTarget.AddMechanism(p, [mechanism], 0);
        }

        CandidateFilters.Apply(p);
        if (p.Candidates.Count == 0)
        {
            return PostTargeted(p, "transformation: the TKI no longer controls the disease");
        }

        return Finish(p, p.H.TargetedExposure.Count > 0 ? Setting.PostTargeted : Setting.FirstLine, p.Line);
    }

    private static SystemicOutcome SmallCell(PlanState p)
    {
        SmallCellHistology.Warn(p);
        RuleOutFromHistory(p);
        var table = GuidelineTable.Find(p, RegimenSetting.SmallCell, null);
        SmallCellHistology.Trace(p, table);
        if (table is not null)
        {
            GuidelineTable.Add(p, table, null);
        }

        CandidateFilters.Apply(p);
        var resected = AdjuvantTherapy.Applies(p);
        var setting = resected ? Setting.Adjuvant : p.H.Failed.Count > 0 ? Setting.PostTargeted : Setting.FirstLine;
        return Finish(p, setting, resected ? null : p.Line);
    }

    private static SystemicOutcome PostTargeted(PlanState p, string why)
    {
        NoTargetedOption.Start(p, why);
        var table = GuidelineTable.Find(p, RegimenSetting.PostTargeted, null);
        if (table is not null)
        {
            GuidelineTable.Add(p, table, null);
        }

        OffTarget.AddMechanisms(p);
        NoTargetedOption.DropTargeted(p);
        CandidateFilters.Apply(p);
        ContinuedRegimen.Apply(p);
        if (table is null && p.NoTableForDate)
        {
            TrialWithoutTable.AddIfNone(p, afterProgression: true);
        }

        return Finish(p, Setting.PostTargeted, p.Line);
    }

    /// <summary>What the history rules out: progression (unless re-challenged) and the same chemotherapy again, intolerance, and resistance of the genotype found.</summary>
    private static void RuleOutFromHistory(PlanState p)
    {
        PriorProgression.RuleOut(p);
        SameChemotherapy.RuleOut(p);
        Intolerance.RuleOut(p);
        ResistantAvoided.RuleOut(p);
    }

    /// <summary>Performance status, the patient factors, the ranking, each option's rationale, and the outcome.</summary>
    private static SystemicOutcome Finish(PlanState p, Setting setting, int? line, bool continuing = false)
    {
        CnsSwitchAlternative.AddContinuedBeside(p);
        PerformanceStatus.AtPoorPerformance(p);
        PregnancyPathway.Apply(p, setting);
        PatientFactors.Apply(p);
        var ranked = Ranking.Rank(p);
        TkiCombinations.ExplainContinuedInAvoidList(p, ranked);
        var options = ranked.Select(c => OptionWriter.Write(p, c)).ToList();
        Ranking.Trace(p, options);
        WhatComesNext.Say(p, setting, options);
        var current = p.H.Current is { } now && (!p.Avoid.Contains(now.Therapy) || p.IsTargeted(now.Therapy)) ? now.Therapy : (Therapy?)null;
        var evidence = EvidenceSection.Build(p, ranked, setting);
        DriverReferences.TraceDropped(p);
        return new SystemicOutcome(setting, line, options, p.Avoid.ToItems(r => DriverReferences.Keep(p, r)))
        {
            Current = current,
            ContinuingThroughLimitedProgression = continuing,
            ContinuedBeside = p.ContinuedBeside is { } beside && ranked.Any(c => c.IsContinuedBeside && c.Therapy == beside.Therapy) ? beside.Therapy : null,
            Evidence = evidence,
        };
    }
}
