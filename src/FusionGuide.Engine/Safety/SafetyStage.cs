using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Systemic;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Safety;

/// <summary>Starting doses and reductions, label actions for adverse events, monitoring and pregnancy (labels §2, §5).</summary>
internal static class SafetyStage
{
    /// <summary>The therapies the safety sections cover: every targeted option, then the therapy taken now.</summary>
    public static IReadOnlyList<Therapy> InPlay(Evaluation e, SystemicOutcome s)
    {
        // Distinct: a combination option names its added therapy, which may also be offered alone.
        var therapies = s.Options.Select(o => o.Therapy).Where(t => e.Kb.Drug(t).IsTargeted).Distinct().ToList();
        // The regimen taken now, when it is also offered with its regimen block, gets its row from SAFE-DOSE-003
        // (ChemotherapyRegimens) — not a second "not dosed here" row beside it.
        var dosedAsOption = s.Current is { } taken && e.Kb.Drug(taken) is { IsTargeted: false, Regimen: not null } && s.Options.Any(o => o.Therapy == taken);
        if (s.Current is { } current && !therapies.Contains(current) && !dosedAsOption)
        {
            therapies.Add(current);
        }

        return therapies;
    }

    /// <summary>
    /// The TKI taken now that the plan stops (in the avoid list, not among the options: a grade 3 pneumonitis its label
    /// says to stop for good): its interactions still matter until it is out of the body, and the contract keeps a dosing
    /// row for a therapy taken now, but the row says it is stopped — one page must not discontinue a drug and re-prescribe
    /// it from its starting dose — and its monitoring is not scheduled (the toxicity row follows the event).
    /// </summary>
    private static bool StoppedForGood(SystemicOutcome s, Therapy t) =>
        s.Current == t && s.Avoid.Any(a => a.Therapy == t) && !s.Options.Any(o => o.Therapy == t);

    /// <summary>The caveats that apply, as one text (null when none).</summary>
    private static string? Joined(params string?[] caveats) =>
        caveats.Any(c => c is not null) ? string.Join(" ", caveats.OfType<string>()) : null;

    public static IReadOnlyList<DosingRow> Dosing(Evaluation e, SystemicOutcome s)
    {
        var rows = new List<DosingRow>();
        foreach (var t in InPlay(e, s))
        {
            var drug = e.Kb.Drug(t);
            var regimen = drug.DosingFor(e.AsOf, e.Case.Context.Region, s.Setting == Setting.Adjuvant);
            if (regimen is null && drug.IsTargeted)
            {
                // A TKI whose label dose has not been read into the knowledge base (zidesamtinib): say what is missing,
                // never a trial's or a guessed dose.
                rows.Add(new DosingRow
                {
                    Therapy = t,
                    Start = $"not recorded: the knowledge base holds no dose from the label of {e.Name(t)}; take the dose from the current label",
                    Reductions = [],
                    Caveat = $"No starting dose, reduction ladder or food instruction of {e.Name(t)} has been read from its label into the knowledge base.",
                    References = [.. drug.Provenance.Sources.Where(r => e.Kb.Reference(r)?.Kind == ReferenceKind.Label)],
                });
                continue;
            }

            if (regimen is null)
            {
                rows.Add(new DosingRow { Therapy = t, Start = "FusionGuide does not dose this regimen: follow the treating centre's protocol", Reductions = [] });
                continue;
            }

            e.UsedUnverified(regimen.Id, regimen.Provenance);
            List<OrganAdjustment>? matched = null;
            if (e.Case.Comorbidities.Count > 0)
            {
                foreach (var a in drug.OrganAdjustments)
                {
                    if (a.Validity.Contains(e.AsOf) && e.HasComorbidity(a.Comorbidity))
                    {
                        (matched ??= []).Add(a);
                    }
                }
            }

            List<OrganAdjustment> adjustments = matched ?? [];
            var otherLabel = regimen.Region is { } own ? OrganAdjustmentsForAnotherLabel(e, t, drug, regimen, own, adjustments) : [];
            if (otherLabel.Count > 0)
            {
                adjustments = [.. adjustments.Where(a => a.Dose is null)];
            }

            foreach (var a in adjustments)
            {
                e.UsedUnverified(a.Id, a.Provenance);
                // Trace id SAFE-DOSE-002 (RuleIds.OrganAdjustment) is written here; its sources: knowledge/rules/SAFE-DOSE-002.json.
                e.Fire(RuleIds.OrganAdjustment, $"{e.Name(t)}: {Adjustment(a)}", a.Provenance.Sources);
            }

            var missing = drug.IsTargeted ? MissingOrganAdjustments(e, t, drug) : [];
            var restart = drug.IsTargeted ? RestartAfterIntolerance(e, s, t, regimen) : [];
            var unverified = new List<string>();
            if (!regimen.Provenance.Verified)
            {
                unverified.Add("the starting dose and reduction ladder");
            }

            unverified.AddRange(adjustments.Where(a => !a.Provenance.Verified).Select(a => $"the {a.Comorbidity.Code()} adjustment"));
            IReadOnlyList<string> refs = adjustments.Count == 0 ? [.. regimen.Provenance.Sources.Distinct()] : [.. regimen.Provenance.Sources.Concat(adjustments.SelectMany(a => a.Provenance.Sources)).Distinct()];
            rows.Add(new DosingRow
            {
                Therapy = t,
                Start = regimen.StartAndScope,
                // A regional label with no reduced dose says what follows an interruption instead of a ladder.
                Reductions = regimen.Reductions.Count == 0 && regimen.AfterLastReduction is { } instead ? [instead] : [.. regimen.Reductions],
                Food = regimen.Food,
                Adjustments = adjustments.Count + otherLabel.Count + missing.Count + restart.Count > 0 ? [.. adjustments.Select(Adjustment), .. otherLabel, .. missing, .. restart] : null,
                Caveat = Joined(
                    drug.IsTargeted && Systemic.Rules.MinorPatient.Age(e) is { } minor ? $"An adult dose: not established below {e.Kb.ClinicalThresholds.AdultAgeYears} years (the patient is {minor}); a paediatric oncologist decides the dose." : null,
                    StoppedForGood(s, t) ? $"Taken now but stopped by this plan ({s.Avoid.First(a => a.Therapy == t).Reason.TrimEnd('.')}): the label's dose is shown for reference only — do not restart {e.Name(t)}." : null,
                    unverified.Count == 0 ? null : $"Not yet verified against a primary source: {string.Join(" and ", unverified)} of {e.Name(t)}; check the current label before prescribing."),
                References = refs,
            });
            // Trace id SAFE-DOSE-001 (RuleIds.Dosing) is written here; its sources: knowledge/rules/SAFE-DOSE-001.json.
            e.Fire(RuleIds.Dosing, $"{drug.Name}: start {regimen.StartAndScope}; reductions {string.Join(" → ", regimen.Reductions)}{(regimen.AfterLastReduction is { } after ? $" → {after}" : "")}{(regimen.Food is { } f ? $"; {f}" : "")}.",
                regimen.Provenance.Sources);
        }

        return rows;
    }

    /// <summary>
    /// SAFE-DOSE-005: the dose comes from a regional label's own regimen (alectinib 300 mg twice daily in Japan), but the
    /// knowledge base's organ-impairment doses are written for the other labels' start (450 mg twice daily in severe
    /// hepatic impairment is a reduction from 600 mg, and 1.5 times the Japanese dose). Such a dose is not shown as this
    /// patient's: the row says whose start it belongs to and to check the regional label, never applies it.
    /// </summary>
    private static List<string> OrganAdjustmentsForAnotherLabel(Evaluation e, Therapy t, Drug drug, DosingRegimen regimen, Region own, List<OrganAdjustment> matched)
    {
        var lines = new List<string>();
        var general = drug.DosingOn(e.AsOf);
        foreach (var a in matched.Where(a => a.Dose is not null))
        {
            var line = $"{a.Comorbidity.Code()}{(a.Criterion is { } c ? $", {c}" : "")}: the knowledge base's adjusted dose ({a.Dose}) is written for the labels that start at {general?.Start ?? "another dose"}, not for the {own.Code()} label's {regimen.Start} — it is not this patient's dose; check the {own.Code()} label's dosing in organ impairment before prescribing";
            // Trace id SAFE-DOSE-005 (RuleIds.OrganAdjustmentOtherLabel) is written here; its sources: knowledge/rules/SAFE-DOSE-005.json.
            e.Fire(RuleIds.OrganAdjustmentOtherLabel, $"{drug.Name}: {line}.", [.. a.Provenance.Sources, .. regimen.Provenance.Sources]);
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// SAFE-DOSE-004: the patient has an organ impairment that some TKI's label adjusts for (renal, hepatic), but the
    /// knowledge base records nothing for this one: said on the row, never left silent as if no change were needed.
    /// </summary>
    private static List<string> MissingOrganAdjustments(Evaluation e, Therapy t, Drug drug)
    {
        if (e.Case.Comorbidities.Count == 0)
        {
            return [];
        }

        var adjustedSomewhere = e.Kb.Drugs.SelectMany(d => d.OrganAdjustments).Select(a => a.Comorbidity).Distinct();
        var lines = new List<string>();
        foreach (var impairment in adjustedSomewhere.Where(c => e.HasComorbidity(c) && !drug.OrganAdjustments.Any(a => a.Comorbidity == c && a.Validity.Contains(e.AsOf))).OrderBy(c => c.Code(), StringComparer.Ordinal))
        {
            var line = $"{impairment.Code()}: the knowledge base records no adjustment for {e.Name(t)} — check the label's dosing in organ impairment (US PI section 2 and 8, EU SmPC 4.2) before prescribing";
            // Trace id SAFE-DOSE-004 (RuleIds.OrganAdjustmentMissing) is written here; its sources: knowledge/rules/SAFE-DOSE-004.json.
            e.Fire(RuleIds.OrganAdjustmentMissing, $"{drug.Name}: {line}.", [.. drug.Provenance.Sources.Where(r => e.Kb.Reference(r)?.Kind == ReferenceKind.Label)]);
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// A TKI offered again after it was stopped for intolerance (SYS-INTOL-002) restarts at the dose the label's rule for
    /// the event gives, not at the labelled start: one line per event that stopped it.
    /// </summary>
    private static List<string> RestartAfterIntolerance(Evaluation e, SystemicOutcome s, Therapy t, DosingRegimen regimen)
    {
        if (s.Current == t || !e.Case.History.Any(h => h.Therapy == t && h.StopReason == StopReason.Intolerance))
        {
            return [];
        }

        var reduced = DoseText.FirstReduction(regimen);
        return
        [
            .. from ae in e.Case.AdverseEvents
               where ae.Therapy == t && ae.Grade <= 4
               let decision = ToxicityAdvisor.Decide(e, t, ae.Event, ae.Grade)
               where decision is { General: false } && decision.Action != ToxicityAction.Discontinue
               select $"re-challenge after the grade {ae.Grade} {AdverseEventWords.Of(ae.Event)} that stopped it: restart once it has resolved to grade 1 or less, at {RestartDose(decision, DoseText.Maintenance(regimen), reduced)}, as its label's rule for that event gives",
        ];
    }

    private static string RestartDose(ToxicityDecision d, string full, string? reduced) => d.Dose ?? d.Resume switch
    {
        Resume.Reduced when reduced is not null => $"{reduced} (one level below the labelled dose), not the labelled start above",
        Resume.SameOrReduced when reduced is not null => $"{full} or one level lower ({reduced})",
        _ => $"{full} (the labelled dose)",
    };

    /// <summary>An organ-function adjustment in one line: which impairment, the dose, the label's words.</summary>
    private static string Adjustment(OrganAdjustment a) =>
        $"{a.Comorbidity.Code()}{(a.Criterion is { } c ? $", {c}" : "")}: {(a.Dose is { } d ? $"{d}. " : "")}{a.Text}";

    /// <summary>
    /// A dosing row whose drug has a toxicity row that resumes at a reduced dose says so beside the labelled regimen: the
    /// regimen alone ("90 mg for 7 days, then 180 mg") would contradict the row ("resume at 60 mg, do not escalate").
    /// </summary>
    public static IReadOnlyList<DosingRow> AfterToxicity(IReadOnlyList<DosingRow> dosing, IReadOnlyList<ToxicityRow> toxicity) =>
    [
        .. from row in dosing
           let reduced = toxicity.Where(t => ReducesDose(t, row.Therapy)).ToList()
           select reduced.Count == 0 ? row : row with
           {
               Adjustments = [.. row.Adjustments ?? [], .. reduced.Select(t => $"after the grade {t.Grade} {AdverseEventWords.Of(t.Event)}: {t.Dose}, as toxicity management says, not the labelled start above")],
           },
    ];

    /// <summary>
    /// SAFE-INT-008: a TKI whose label changes its dose for a listed co-medication (lorlatinib with itraconazole: 75 mg)
    /// has that change on its dosing row beside the labelled start, which alone would be the wrong dose to prescribe.
    /// Where toxicity management has already lowered the dose, the interaction's change applies to that lowered dose, not
    /// beside it (<see cref="OnReducedDose"/>), and otherwise the row says that no dose from it is recorded — "the lower of
    /// the two" would leave a patient reduced to 75 mg of lorlatinib at 75 mg with a strong inhibitor.
    /// </summary>
    public static IReadOnlyList<DosingRow> AfterInteractions(Evaluation e, IReadOnlyList<DosingRow> dosing, IReadOnlyList<InteractionStage.DoseChange> changes, IReadOnlyList<ToxicityRow> toxicity) =>
    [
        .. from row in dosing
           let own = changes.Where(c => c.Therapy == row.Therapy).ToList()
           let reducedTo = toxicity.Where(t => ReducesDose(t, row.Therapy)).MinBy(t => DoseText.DailyMilligrams(t.Dose!) ?? int.MaxValue)?.Dose
           select own.Count == 0 ? row : row with
           {
               Adjustments = [.. row.Adjustments ?? [], .. own.Select(c => Interacting(e, c, reducedTo))],
               References = [.. (row.References ?? []).Concat(own.SelectMany(c => c.References)).Distinct()],
           },
    ];

    /// <summary>
    /// A toxicity row whose drug has a label dose change for a co-medication taken now says so beside its dose: the row
    /// alone ("resume at 600 mg" for entrectinib's grade 3 ALT) would restart the full dose while fluconazole still
    /// calls for 200 mg. The dosing row (SAFE-INT-008) gives the dose with the co-medication.
    /// </summary>
    public static IReadOnlyList<ToxicityRow> ToxicityBesideInteractions(IReadOnlyList<ToxicityRow> toxicity, IReadOnlyList<InteractionStage.DoseChange> changes) =>
    [
        .. from row in toxicity
           let own = changes.Where(c => c.Therapy == row.Therapy).ToList()
           select own.Count == 0 || row.Dose is null ? row : row with
           {
               Dose = $"{row.Dose}; while {string.Join(" or ", own.Select(c => c.With).Distinct())} is taken, the dose with it on the dosing row applies instead",
           },
    ];

    /// <summary>A toxicity row that resumes the therapy at a reduced dose (what <see cref="AfterToxicity"/> puts on its dosing row).</summary>
    private static bool ReducesDose(ToxicityRow t, Therapy therapy) =>
        t.Therapy == therapy && t.Action is ToxicityAction.HoldThenReduce or ToxicityAction.Reduce && t.Dose is not null;

    private static string Interacting(Evaluation e, InteractionStage.DoseChange c, string? reducedDose)
    {
        // Trace id SAFE-INT-008 (RuleIds.InteractionDose) is written here; its sources: knowledge/rules/SAFE-INT-008.json.
        e.Fire(RuleIds.InteractionDose, $"{e.Name(c.Therapy)} with {c.With}: the label's dose while both are taken ({c.Change}) goes on the dosing row.", c.References);
        var line = $"while {c.With} is taken: {c.Change} (the {e.Name(c.Therapy)} label's dose with it, not the labelled start above; back to the labelled dose once {c.With} has been stopped and washed out)";
        return reducedDose is null || DoseText.Milligrams(reducedDose) is not { } mg ? line : $"{line}; {OnReducedDose(c, reducedDose, mg)}";
    }

    /// <summary>
    /// The interaction's dose for a patient whose dose toxicity management has already lowered: the label's own step from
    /// that dose (brigatinib 90 -> 60 mg), its change stated as a difference applied to that dose (cabozantinib "reduce by
    /// 20 mg": 40 -> 20 mg), or its fixed dose with the co-medication when that is lower at the same frequency
    /// (entrectinib 100 mg once daily); otherwise the knowledge base records no dose for the pair at the lowered dose,
    /// and the row says so rather than choosing one.
    /// </summary>
    private static string OnReducedDose(InteractionStage.DoseChange c, string reducedDose, int mg)
    {
        var lowered = $"toxicity management has already lowered the dose to {reducedDose}";
        var steps = DoseText.Steps(c.Change).ToList();
        if (steps.FirstOrDefault(s => s.From == mg) is { To: > 0 } step)
        {
            return $"{lowered}, so with {c.With} the label's step from {mg} mg applies: {step.To} mg";
        }

        // A change written as a difference ("reduce by 20 mg (60 -> 40 mg once daily)") applies to the lowered dose too.
        if (DoseText.RelativeChange(c.Change) is { } delta && mg + delta > 0)
        {
            return $"{lowered}, so with {c.With} the label's change of {delta:+0;-0} mg applies to it: {mg + delta} mg";
        }

        var isFixedAndLower = steps.Count == 0 && DoseText.Milligrams(c.Change) is { } fixedMg && fixedMg < mg && DoseText.Frequency(c.Change) is { } f && f == DoseText.Frequency(reducedDose);
        return isFixedAndLower
            ? $"{lowered}; the label's dose with {c.With} ({c.Change}) is a fixed dose below it, so it is the one to give"
            : $"{lowered}, and the knowledge base records no dose with {c.With} from there (the change above is written from the labelled dose): check the label's dose for an already-reduced patient, or avoid {c.With}";
    }

    public static IReadOnlyList<ToxicityRow> Toxicity(Evaluation e, TreatmentHistory h, bool adjuvant)
    {
        var rows = new List<ToxicityRow>();
        var handled = new HashSet<(Therapy, AdverseEventCode, int)>();
        var recurrences = ToxicityAdvisor.Recurrences(e, h.Current);
        foreach (var ae in e.Case.AdverseEvents)
        {
            var ev = AdverseEventWords.Of(ae.Event);
            if (ToxicityAdvisor.Attribute(ae, h.Current) is not { } therapy)
            {
                var msg = $"A grade {ae.Grade} {ev} names no therapy and the patient is on none: it cannot be managed against a label.";
                e.Warn(WarningCodes.ToxicityUnattributed, msg);
                // Trace id SAFE-TOX-004 (RuleIds.ToxicityUnattributed) is written here; its sources: knowledge/rules/SAFE-TOX-004.json.
                e.Fire(RuleIds.ToxicityUnattributed, msg);
                continue;
            }

            // An event listed more than once for the drug is a recurrence: one row, for the listing of its highest grade.
            recurrences.TryGetValue((therapy, ae.Event), out var listings);
            if (listings is not null && !ReferenceEquals(ae, listings.Representative))
            {
                continue;
            }

            // The same event and grade on the same drug entered twice (once naming the drug, once left to be attributed
            // to the TKI taken now) is one row, not two identical ones.
            if (!handled.Add((therapy, ae.Event, ae.Grade)))
            {
                continue;
            }

            var name = e.Name(therapy);
            if (ae.Grade == 5)
            {
                var msg = $"Grade 5 (fatal) {ev} on {name}: reported, not managed; report it to the pharmacovigilance system.";
                e.Warn(WarningCodes.Grade5Event, msg);
                // Trace id SAFE-TOX-003 (RuleIds.ToxicityGrade5) is written here; its sources: knowledge/rules/SAFE-TOX-003.json.
                e.Fire(RuleIds.ToxicityGrade5, msg, e.Kb.Toxicity(therapy)?.Provenance.Sources ?? []);
                rows.Add(new ToxicityRow { Therapy = therapy, Event = ae.Event, Grade = 5, Action = ToxicityAction.Discontinue, Dose = null, Supportive = ["Report the fatal adverse reaction to the regulator's pharmacovigilance system (e.g. FDA MedWatch)."], Rule = msg });
                continue;
            }

            if (StoppedBefore(h, therapy))
            {
                // Dose modification is advice for a drug being taken: an event on a drug already stopped is history
                // (it still shapes the options through the rules that read past events), not a row to act on.
                e.Fire(RuleIds.ToxicityUnattributed, $"Grade {ae.Grade} {ev} on {name}: {name} has been stopped, so no dose action is given.");
                continue;
            }

            if (e.Kb.Toxicity(therapy) is null)
            {
                var msg = $"Grade {ae.Grade} {ev} on {name}: the knowledge base holds no dose-modification rules for {name}; manage by its protocol.";
                e.Warn(WarningCodes.NoToxicityRules, msg);
                e.Fire(RuleIds.ToxicityUnattributed, msg);
                continue;
            }

            var row = Manage(e, therapy, ae, h.Current, adjuvant, listings);
            // An event that names no therapy is attributed to the one taken now: the row says so, so a wrong attribution
            // (an event from an earlier drug) can be seen.
            rows.Add(ae.Therapy is null ? row with { Rule = $"{row.Rule} The event names no therapy: it is attributed to {name}, the therapy taken now." } : row);
        }

        return OneCourseOfActionPerDrug(e, rows);
    }

    /// <summary>
    /// SAFE-TOX-006: the rows of one drug are one course of action. When one event stops the drug for good, another
    /// event's row does not resume it (crizotinib stopped for grade 4 visual loss kept "200 mg twice daily" on its
    /// grade 3 ALT row); when one event lowers the dose, another's "resume at the same dose" does not restore the full
    /// dose (lorlatinib grade 4 triglycerides said 100 mg beside 75 mg for grade 2 CNS effects): the lowest dose any row
    /// requires is the dose to resume. Each changed row says which event decides.
    /// </summary>
    private static List<ToxicityRow> OneCourseOfActionPerDrug(Evaluation e, List<ToxicityRow> rows)
    {
        var result = new List<ToxicityRow>(rows.Count);
        foreach (var row in rows)
        {
            var others = rows.Where(r => r.Therapy == row.Therapy && !ReferenceEquals(r, row)).ToList();
            var name = e.Name(row.Therapy);
            if (row.Action != ToxicityAction.Discontinue && others.FirstOrDefault(r => r.Action == ToxicityAction.Discontinue) is { } stop)
            {
                var why = $"the row for the grade {stop.Grade} {AdverseEventWords.Of(stop.Event)} stops {name} for good, so there is nothing to resume after this grade {row.Grade} {AdverseEventWords.Of(row.Event)}";
                // Trace id SAFE-TOX-006 (RuleIds.ToxicityOneCourse) is written here; its sources: knowledge/rules/SAFE-TOX-006.json.
                e.Fire(RuleIds.ToxicityOneCourse, $"{name}: {why}.");
                result.Add(row with { Action = ToxicityAction.Discontinue, Dose = null, Rule = $"Discontinued: {why}. This event's own rule, for reference: {row.Rule}" });
                continue;
            }

            var lowest = others.Where(r => ReducesDose(r, row.Therapy)).MinBy(r => DoseText.DailyMilligrams(r.Dose!) ?? int.MaxValue);
            if (row.Dose is { } dose && lowest is { Dose: { } lower } && DoseText.DailyMilligrams(lower) is { } lowerDaily && DoseText.DailyMilligrams(dose) is { } daily && daily > lowerDaily)
            {
                var why = $"the row for the grade {lowest.Grade} {AdverseEventWords.Of(lowest.Event)} lowers {name} to {lower}, so resume at that dose, not at {dose}";
                e.Fire(RuleIds.ToxicityOneCourse, $"{name}: {why}.");
                result.Add(row with { Dose = lower, Rule = $"{row.Rule} Another event decides the dose: {why}." });
                continue;
            }

            result.Add(row);
        }

        return result;
    }

    /// <summary>
    /// Where the patient is in the drug's lead-in when the history's start date places the evaluation date inside it for
    /// certain ("day 5 of 7, started 2026-12-02"; a start known only to the month or year counts from its first day, so
    /// it is "within the first 7 days" only when even that day is); null when there is no lead-in, the drug is not the
    /// one taken now (<paramref name="taken"/>, the history's current entry), or the date cannot tell.
    /// </summary>
    private static string? LeadInPhase(Evaluation e, HistoryEntry? taken, DosingRegimen? regimen)
    {
        if (regimen?.LeadIn is not { } leadIn || taken is null || !PartialDate.TryParse(taken.Start, out var earliest, out var exact))
        {
            return null;
        }

        var days = e.AsOf.DayNumber - earliest.DayNumber;
        if (days < 0 || days >= leadIn.Days)
        {
            return null;
        }

        return exact ? $"day {days + 1} of {leadIn.Days}, started {taken.Start}" : $"within the first {leadIn.Days} days, started {taken.Start}";
    }

    /// <summary>"grade 4", "grades 3-4", "grades 1, 3".</summary>
    private static string GradesWords(IReadOnlyList<int> grades) =>
        grades.Count == 1 ? $"grade {grades[0]}"
        : grades.Zip(grades.Skip(1)).All(p => p.Second == p.First + 1) ? $"grades {grades[0]}-{grades[^1]}"
        : $"grades {string.Join(", ", grades)}";

    /// <summary>True when the history shows the therapy stopped and the patient is not taking it now.</summary>
    private static bool StoppedBefore(TreatmentHistory h, Therapy therapy) =>
        h.Current?.Therapy != therapy
        && h.Failed.Concat(h.Intolerant).Any(x => x.Therapy == therapy);

    /// <summary>
    /// How an event listed more than once changes its row: the label's recurrence rule instead of the first-occurrence
    /// action, and one step down the ladder for every listing whose rule resumes at a reduced dose. Null when listed once.
    /// </summary>
    private static (ToxicityAction Action, Resume Resume, int Steps, string Text)? Recurrence(Evaluation e, Therapy therapy, ToxicityAdvisor.Listings? listings, ToxicityDecision decision)
    {
        if (listings is null)
        {
            return null;
        }

        var steps = ToxicityAdvisor.ReducedSteps(e, therapy, listings.All);
        var grades = string.Join(", ", listings.All.Select(l => l.Grade));
        var listed = $"{AdverseEventWords.Of(listings.Representative.Event)} listed {listings.All.Count} times for {e.Name(therapy)} (grades {grades}): read as a recurrence";
        return ToxicityAdvisor.RecurrenceRule(e, therapy, listings, decision.Rule) is { } branch
            ? (branch.Action, branch.Resume, steps, $"{Evaluation.Capitalised(listed)}, so the label's rule for a recurrence applies: {branch.Text}")
            : (decision.Action, decision.Resume, steps, $"{Evaluation.Capitalised(listed)}; the label sets no separate rule for a recurrence of it, so the rule for the highest grade applies.");
    }

    private static ToxicityRow Manage(Evaluation e, Therapy therapy, AdverseEvent ae, HistoryEntry? current, bool adjuvant, ToxicityAdvisor.Listings? listings)
    {
        var drug = e.Kb.Drug(therapy);
        var ev = AdverseEventWords.Of(ae.Event);
        var regimen = drug.DosingFor(e.AsOf, e.Case.Context.Region, adjuvant);
        var full = regimen is null ? null : DoseText.Maintenance(regimen);
        var reduced = regimen is null ? null : DoseText.FirstReduction(regimen);
        // Still in the lead-in (brigatinib 90 mg for 7 days), the patient takes the lead-in dose, not the maintenance
        // dose: "the same dose" and "one level lower" are the lead-in dose and the level below it.
        var leadIn = LeadInPhase(e, current?.Therapy == therapy ? current : null, regimen);
        if (leadIn is not null)
        {
            full = $"{DoseText.LeadInDose(regimen!)} (the lead-in dose; {leadIn})";
            reduced = DoseText.BelowLeadIn(regimen!) is { } below
                ? $"{below} (one level below the lead-in dose)"
                : "one level below the lead-in dose (the knowledge base's reduction ladder does not list the lead-in dose: take the level from the label)";
        }

        var decision = ToxicityAdvisor.Decide(e, therapy, ae.Event, ae.Grade);
        if (decision is null)
        {
            // The label is silent for this event and grade. Grades 1-2: no modification; grades 3-4 are never left
            // running by default: withhold until grade <=1, then the treating team decides the dose.
            var severe = ae.Grade >= 3;
            if (listings is not null && listings.All.Count(l => l.Grade == 4) > 1)
            {
                // The default's own last clause: a grade 4 reaction the label does not address that recurs is stopped.
                var stop = $"{AdverseEventWords.Of(ae.Event)} listed {listings.All.Count} times for {e.Name(therapy)} (grades {string.Join(", ", listings.All.Select(l => l.Grade))}), read as a recurrence at grade 4: the {e.Name(therapy)} label gives no rule for it, and FusionGuide's default for a grade 4 adverse reaction the label does not address is to discontinue when it recurs.";
                // Trace id SAFE-TOX-005 (RuleIds.ToxicityRecurrence) is written here; its sources: knowledge/rules/SAFE-TOX-005.json.
                e.Fire(RuleIds.ToxicityRecurrence, Evaluation.Capitalised(stop), e.Kb.Toxicity(therapy)!.Provenance.Sources);
                return new ToxicityRow
                {
                    Therapy = therapy,
                    Event = ae.Event,
                    Grade = ae.Grade,
                    Action = ToxicityAction.Discontinue,
                    Dose = null,
                    Supportive = [],
                    Rule = Evaluation.Capitalised(stop),
                    References = e.Kb.Toxicity(therapy)!.Provenance.Sources,
                };
            }

            var text = severe
                ? $"The {e.Name(therapy)} label gives no rule for grade {ae.Grade} {ev}, specific or general. FusionGuide's default for a grade 3-4 adverse reaction the label does not address: withhold until grade 0-1, then resume at the same or one lower dose level by clinical judgement; discontinue if it recurs at grade 4."
                : $"The {e.Name(therapy)} label sets no dose change for grade {ae.Grade} {ev}: continue at the current dose with supportive care and re-grade at each visit.";
            var sources = e.Kb.Toxicity(therapy)!.Provenance.Sources;
            // Trace id SAFE-TOX-002 (RuleIds.ToxicityGeneral) is written here; its sources: knowledge/rules/SAFE-TOX-002.json.
            e.Fire(RuleIds.ToxicityGeneral, text, sources);
            return new ToxicityRow
            {
                Therapy = therapy,
                Event = ae.Event,
                Grade = ae.Grade,
                Action = severe ? ToxicityAction.Hold : ToxicityAction.Continue,
                Dose = severe && reduced is not null ? $"{full} (or {reduced}) after recovery to grade 0-1" : full,
                Supportive = [],
                Rule = text,
                References = sources,
            };
        }

        var rule = decision.Rule;
        e.UsedUnverified(rule.Id, rule.Provenance);
        var (action, resume, branchDose, branchText) = (decision.Action, decision.Resume, decision.Dose, decision.Branch);
        var recurrence = Recurrence(e, therapy, listings, decision);
        var recurrenceText = "";
        if (recurrence is { } r)
        {
            (action, resume, branchDose) = (r.Action, r.Resume, null);
            recurrenceText = r.Text;
            // Each earlier listing that resumed at a reduced dose took one step down the ladder (not in the lead-in, whose
            // doses are relative to the lead-in dose): past the last level nothing lower is left.
            if (resume == Resume.Reduced && leadIn is null && regimen is { Reductions.Count: > 0 } ladder && r.Steps > 1)
            {
                if (r.Steps <= ladder.Reductions.Count)
                {
                    reduced = $"{ladder.Reductions[r.Steps - 1]} ({r.Steps} levels below the labelled dose)";
                    recurrenceText += $" Doses assume each earlier listing was managed as its rule says ({r.Steps} reductions so far).";
                }
                else
                {
                    (action, resume) = (ToxicityAction.Discontinue, Resume.None);
                    recurrenceText += $" No lower dose level is left after {ladder.Reductions.Count} reductions: discontinue.";
                }
            }

            // Trace id SAFE-TOX-005 (RuleIds.ToxicityRecurrence) is written here; its sources: knowledge/rules/SAFE-TOX-005.json.
            e.Fire(RuleIds.ToxicityRecurrence, recurrenceText, rule.Provenance.Sources);
        }

        var dose = branchDose ?? resume switch
        {
            Resume.Same => full,
            // A regional label with no reduced dose (alectinib in Japan) says what it allows instead.
            Resume.Reduced => reduced ?? regimen?.AfterLastReduction ?? "no lower dose level: discontinue",
            Resume.SameOrReduced => reduced is null ? full : $"{full} (or {reduced} where the rule calls for the lower dose)",
            _ => null,
        };
        var ruleText = (decision.General
            ? decision.EventNamedAt.Count == 0
                ? $"No {ev} row of the {e.Name(therapy)} label is recorded in the knowledge base; the label's general rule for grade {ae.Grade} adverse reactions applies: {rule.Text}"
                : $"The {e.Name(therapy)} label's own rule for {ev} is written for {GradesWords(decision.EventNamedAt)} only; for grade {ae.Grade} its general rule for adverse reactions applies: {rule.Text}"
            : rule.Text) + branchText;
        // A regional label without a reduced dose (alectinib in Japan) replaces the ladder the rule's own label assumes.
        var regional = regimen is { Region: not null, Reductions.Count: 0 } && resume is Resume.Reduced or Resume.SameOrReduced && branchDose is null;
        if (regional)
        {
            ruleText += $" The dose in {Terms.Region.Code(regimen!.Region!.Value)} follows that label ({regimen.StartAndScope}), which has no reduced dose.";
        }

        // The regional label replaces the ladder, so it is cited beside the rule's own label.
        IReadOnlyList<string> cited = regional ? [.. rule.Provenance.Sources.Concat(regimen!.Provenance.Sources).Distinct()] : rule.Provenance.Sources;
        var assumption = recurrence is not null ? $" {recurrenceText}"
            : dose is null || branchDose is not null || regional ? ""
            : leadIn is not null ? $" The patient is still in the {regimen!.LeadIn!.Days}-day lead-in, so the doses are relative to the lead-in dose."
            : resume != Resume.Same ? " Doses assume the patient is at the full dose; if already reduced, go one level lower." : "";
        // Trace id SAFE-TOX-001 (RuleIds.ToxicityRule) is written here; its sources: knowledge/rules/SAFE-TOX-001.json.
        e.Fire(decision.General ? RuleIds.ToxicityGeneral : RuleIds.ToxicityRule, $"{e.Name(therapy)}, grade {ae.Grade} {ev}: {action.Code()}{(dose is null ? "" : $", then {dose}")}. {ruleText}{assumption}",
            cited);
        return new ToxicityRow
        {
            Therapy = therapy,
            Event = ae.Event,
            Grade = ae.Grade,
            Action = action,
            Dose = dose,
            Supportive = [.. rule.Supportive, .. rule.Referrals.Select(r => $"Refer: {r}")],
            Rule = ruleText + assumption,
            Caveat = (!rule.Provenance.Verified, RowCaveats.Disputed(rule.Provenance)) switch
            {
                (true, { } disputed) => $"This {e.Name(therapy)} label rule is not yet verified against the current label and {disputed}; check it before acting.",
                (true, null) => $"This {e.Name(therapy)} label rule is not yet verified against the current label; check it before acting.",
                (false, { } disputed) => $"{Evaluation.Capitalised(disputed)}; check the current label before acting.",
                _ => null,
            },
            References = cited,
        };
    }

    /// <summary>
    /// Monitoring for every option offered (whichever the clinician chooses) and for the therapy taken now: the records
    /// of the case's region and those without a region; a check only another region's label schedules is still shown,
    /// saying whose schedule it is ("US label schedule not recorded; EU SmPC: …"), never dropped.
    /// </summary>
    public static IReadOnlyList<MonitoringRow> Monitoring(Evaluation e, SystemicOutcome s)
    {
        var therapies = s.Options.Select(o => o.Therapy).Distinct().ToList();
        if (s.Current is { } current && !therapies.Contains(current) && !StoppedForGood(s, current))
        {
            therapies.Add(current);
        }

        var rows = new List<MonitoringRow>();
        foreach (var t in therapies)
        {
            var drug = e.Kb.Drug(t);
            var region = e.Case.Context.Region;
            var regional = e.Kb.Monitoring(t, region);
            // A check written for a part of the therapy this histology does not get (the pemetrexed creatinine-clearance
            // check of chemo-immunotherapy's non-squamous regimen) is not a row; the trace names it.
            var notForHistology = regional.Where(c => e.HistologyAmong(c.Record.NotIn)).Select(c => c.Record).ToList();
            var chosen = regional.Where(c => !notForHistology.Contains(c.Record))
                .Select(c => (c.Record, Schedule: RegionalLabels.Said(region, c.Record.Region, c.Borrowed, "schedule", c.Record.Schedule))).ToList();
            foreach (var (m, schedule) in chosen)
            {
                e.UsedUnverified(m.Id, m.Provenance);
                rows.Add(new MonitoringRow { Therapy = t, Item = m.Item, Schedule = schedule, References = m.Provenance.Sources });
            }

            if (chosen.Count > 0)
            {
                var otherRegions = drug.Monitoring.Where(m => !chosen.Any(c => c.Record == m) && !notForHistology.Contains(m)).ToList();
                var leftOut = otherRegions.Count == 0 ? "" : $" Not applied to a case in {Codes.Region.Code(region!.Value)} (its own schedule is recorded): {string.Join("; ", otherRegions.Select(m => $"{m.Item} ({RegionalLabels.Name(m.Region!.Value)}: {m.Schedule})"))}.";
                leftOut += notForHistology.Count == 0 ? "" : $" Not applied in {e.HistologyWords} (the checks are for a part of the therapy not given in it): {string.Join("; ", notForHistology.Select(m => m.Item))}.";
                // Trace id SAFE-MON-001 (RuleIds.Monitoring) is written here; its sources: knowledge/rules/SAFE-MON-001.json.
                e.Fire(RuleIds.Monitoring, $"{drug.Name}: {string.Join("; ", chosen.Select(c => $"{c.Record.Item} ({c.Schedule})"))}.{leftOut}",
                    [.. chosen.SelectMany(c => c.Record.Provenance.Sources).Distinct()]);
            }
        }

        return rows;
    }
}
