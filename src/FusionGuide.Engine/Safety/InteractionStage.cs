using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Systemic;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Safety;

/// <summary>
/// Every medication in the case against the first choice, every targeted option and the current therapy. Each pair is
/// read from both labels (<see cref="InteractionFindings"/>): the TKI's rules for the medication's classes and the
/// medication's own rules for the TKI's classes; the pair gets one row whose severity is the stricter of the two, with
/// the usual swap when one exists (<see cref="InteractionSwap"/>). A targeted therapy listed as a co-medication is a
/// history problem, never a self-interaction; a name the knowledge base does not know is reported.
/// </summary>
internal static class InteractionStage
{
    /// <summary>A TKI label's dose change for a co-medication the case lists: the dosing row of the TKI carries it (SAFE-INT-008).</summary>
    public sealed record DoseChange(Therapy Therapy, string With, string Change, IReadOnlyList<string> References);

    public static (IReadOnlyList<InteractionRow> Rows, IReadOnlyList<DoseChange> DoseChanges) Run(Evaluation e, SystemicOutcome s)
    {
        var therapies = SafetyStage.InPlay(e, s);
        var rows = new List<InteractionRow>();
        var doseChanges = new List<DoseChange>();
        var unknown = new List<string>();
        foreach (var med in e.Case.Medications)
        {
            if (TargetedTherapyNamed(e, med) is { } tki)
            {
                TkiAmongComedications(e, med, tki);
                continue;
            }

            var reading = e.Kb.ReadMedication(med);
            unknown.AddRange(reading.Known.Count == 0 ? [med] : reading.Unknown);
            foreach (var known in reading.Known)
            {
                Pair(e, therapies, rows, doseChanges, Read(e, reading, known), known.Generic, known.Classes);
            }
        }

        if (unknown.Count > 0)
        {
            var msg = $"FusionGuide does not know {string.Join(", ", unknown.Select(u => $"'{u}'{Hint(e.Kb.SuggestMedications(u))}"))}: check {(unknown.Count == 1 ? "its" : "their")} interactions with {(therapies.Count > 0 ? string.Join(", ", therapies.Select(e.Name)) : "the chosen therapy")} in the labels (CYP3A, QT, bradycardia).";
            e.Warn(WarningCodes.UnknownMedication, msg);
            // Trace id SAFE-INT-002 (RuleIds.UnknownMedication) is written here; its sources: knowledge/rules/SAFE-INT-002.json.
            e.Fire(RuleIds.UnknownMedication, msg);
        }

        return (TakenTogetherNow(e, s, rows), doseChanges);
    }

    /// <summary>
    /// SAFE-INT-007: the name a row shows for a medication read from a longer written name ("Tegretol XR 200 mg" →
    /// carbamazepine; "isoniazid/rifampin" → rifampin), with the reading in the trace; a known name as written stays as it is.
    /// </summary>
    private static string Read(Evaluation e, MedicationReading reading, KnownMedication known)
    {
        if (reading.Exact)
        {
            return reading.Written;
        }

        // Trace id SAFE-INT-007 (RuleIds.MedicationRead) is written here; its sources: knowledge/rules/SAFE-INT-007.json.
        e.Fire(RuleIds.MedicationRead, $"'{reading.Written}' is read as {known.Generic} (from '{known.ReadFrom}': the dose, schedule, salt or form words and any other part of a combination product set aside).");
        return $"{known.Generic} (written '{reading.Written}')";
    }

    /// <summary>One known co-medication against every therapy in play: a row per pair a label speaks about.</summary>
    private static void Pair(Evaluation e, IReadOnlyList<Therapy> therapies, List<InteractionRow> rows, List<DoseChange> doseChanges, string med, string generic, IReadOnlyList<InteractionClassCode> classes)
    {
        var clean = new List<Therapy>();
        foreach (var t in therapies)
        {
            if (InteractionFindings.For(e, t, generic, classes) is { Count: > 0 } findings)
            {
                rows.Add(Row(e, t, med, generic, findings));
                doseChanges.AddRange(findings.Where(f => f.DoseChange is not null).Select(f => new DoseChange(t, med, f.DoseChange!, f.References)));
            }
            else
            {
                clean.Add(t);
            }
        }

        // Named clean in the trace when no label speaks at all, or when the sources disagree about its class.
        var disputed = DisputedStanding(e, med, generic, classes, clean);
        rows.AddRange(disputed);
        if (clean.Count == therapies.Count || disputed.Count > 0)
        {
            KnownWithoutInteraction(e, med, generic, classes, clean);
        }
    }

    /// <summary>
    /// SAFE-INT-006: a co-medication the patient takes now with the TKI taken now, in a major or contraindicated pair.
    /// The labels' advice is written for a start ("stop the inducer … before starting"); for a patient already on both,
    /// the row closes by saying so and that it applies today, and a contraindicated pair is also a warning: the two are not simply
    /// continued side by side.
    /// </summary>
    private static List<InteractionRow> TakenTogetherNow(Evaluation e, SystemicOutcome s, List<InteractionRow> rows)
    {
        if (s.Current is not { } now)
        {
            return rows;
        }

        var tki = e.Name(now);
        return [.. rows.Select(r =>
        {
            if (r.Therapy != now || r.Severity is not (Severity.Contraindicated or Severity.Major))
            {
                return r;
            }

            var taken = r.Severity == Severity.Contraindicated
                ? $"Both are taken now: do not continue both — stop or replace {r.With} with its prescriber, or hold {tki} until {r.With} has been stopped and washed out, and look now for the harm named above."
                : $"Both are taken now: this advice applies today (change or stop {r.With}, or adjust {tki} as it says), not only before a start.";
            if (r.Severity == Severity.Contraindicated)
            {
                var why = r.Mechanism is null or "named-medication" ? "named in the label" : r.Mechanism;
                e.Warn(WarningCodes.CombinationTakenNow, $"{Evaluation.Capitalised(tki)} and {r.With} are both taken now, a contraindicated combination ({why}): act today — see the interaction row.");
            }

            e.Fire(RuleIds.InteractionTakenNow, $"{Evaluation.Capitalised(tki)} + {r.With} ({r.Mechanism}, {r.Severity.Code()}): both taken now; the row's advice applies today.", r.References ?? []);
            return r with { Advice = $"{r.Advice} {taken}" };
        })];
    }

    /// <summary>
    /// One row for the pair: the stricter severity of the two labels wins; the advice gives the stricter label first
    /// and says whose label each part is when both speak; the swap, when one applies, closes it.
    /// </summary>
    private static InteractionRow Row(Evaluation e, Therapy therapy, string med, string generic, IReadOnlyList<InteractionFinding> findings)
    {
        var standing = InteractionFindings.Standing(findings)!;
        var ordered = standing.Findings;
        // A co-medication's own label always says whose it is; the TKI's label does when both labels speak.
        var bothLabels = ordered.Any(f => f.FromComedication) && ordered.Any(f => !f.FromComedication);
        var advice = string.Join(" ", ordered.Select(f => Ended(f.FromComedication || bothLabels ? $"{Evaluation.Capitalised(f.Whose)} label: {f.Advice}" : f.Advice)));
        // A disputed class membership or label rule is named on the row it decides (issue #17 item 4), once, after the advice.
        advice += Disagreements(ordered.SelectMany(f => f.Disputes));
        var references = ordered.SelectMany(f => f.References).Distinct(StringComparer.Ordinal).ToList();
        if (InteractionSwap.For(e, therapy, med, generic, ordered) is { } swap)
        {
            advice = $"{advice} {swap.Text}";
            references.AddRange(swap.References.Where(r => !references.Contains(r, StringComparer.Ordinal)));
        }

        return new InteractionRow
        {
            Therapy = therapy,
            With = med,
            Severity = standing.Severity,
            Advice = advice,
            Mechanism = string.Join(", ", ordered.Select(f => f.Mechanism).Distinct(StringComparer.Ordinal)),
            References = references,
        };
    }

    /// <summary>
    /// SAFE-INT-005 when the sources disagree about the medication's class (dexamethasone: a weak or a moderate CYP3A
    /// inducer) and neither label has a rule for it as recorded: each such pair still
    /// gets a row, of minor severity at the recorded standing, that names the disagreement, because the other reading
    /// may bring a label rule the clinician should weigh. Empty when nothing about its classes is disputed.
    /// </summary>
    private static IReadOnlyList<InteractionRow> DisputedStanding(Evaluation e, string med, string generic, IReadOnlyList<InteractionClassCode> classes, List<Therapy> clean)
    {
        var membership = classes.SelectMany(c => InteractionFindings.Membership(e, c, generic)).Distinct().ToList();
        var disagreement = Disagreements(membership.Select(f => RowCaveats.Disputed(f.Provenance)).OfType<string>());
        if (disagreement.Length == 0 || clean.Count == 0)
        {
            return [];
        }

        // These rows are decided by the class facts alone (no label rule): an unverified one is counted like a rule.
        InteractionFindings.UsedUnverified(e, membership);

        var standing = string.Join(", ", classes.Select(c => c.Code()));
        var sources = membership.SelectMany(f => f.Provenance.Sources).Distinct(StringComparer.Ordinal).ToList();
        var advice = $"Neither label has a rule for {generic} as recorded ({standing}).{disagreement}";
        return [.. clean.Select(t => new InteractionRow { Therapy = t, With = med, Severity = Severity.Minor, Advice = advice, Mechanism = standing, References = sources })];
    }

    /// <summary>" Sources disagree: …." for each distinct disagreement, or "" when there is none.</summary>
    private static string Disagreements(IEnumerable<string> disputes) =>
        string.Concat(disputes.Distinct(StringComparer.Ordinal).Select(d => $" {Ended(Evaluation.Capitalised(d))}"));

    /// <summary>A part of the advice closed with a full stop, so that joined parts read as sentences.</summary>
    private static string Ended(string text) => text.EndsWith('.') ? text : text + ".";

    /// <summary>The targeted drug a co-medication entry names (generic, brand or contract code), or null.</summary>
    private static Drug? TargetedTherapyNamed(Evaluation e, string med) => e.Kb.TargetedDrugNamed(med);

    /// <summary>
    /// SET-HISTORY-002 for a TKI entered among the co-medications: it belongs in the treatment history, and no
    /// "lorlatinib + lorlatinib" (or TKI + TKI) interaction is computed for it.
    /// </summary>
    private static void TkiAmongComedications(Evaluation e, string med, Drug tki) =>
        HistoryReader.Inconsistent(e, $"The co-medications list '{med}', but {e.Name(tki.Therapy)} is a targeted therapy FusionGuide plans: record it in the treatment history (dates, why it stopped); it is not checked as a co-medication against itself or another TKI.");

    /// <summary>
    /// SAFE-INT-005: a known medication with no rule for the therapies in play (all of them, or those a disputed class
    /// leaves without a rule) is named clean in the trace, with what it is and any disagreement about its class.
    /// </summary>
    private static void KnownWithoutInteraction(Evaluation e, string med, string generic, IReadOnlyList<InteractionClassCode> classes, List<Therapy> therapies)
    {
        var record = e.Kb.Comedication(generic);
        if (record is not null)
        {
            // Here the record's standing ("none", or a class no label acts on) is the claim the trace states.
            e.UsedUnverified(record.Id, record.Provenance);
        }

        var what = record is null ? "" : $"{record.Group.Code()}; ";
        var standing = classes.Count == 0 ? "none of the CYP3A, QT, bradycardia or P-gp classes" : string.Join(", ", classes.Select(c => c.Code()));
        var with = therapies.Count > 0 ? string.Join(", ", therapies.Select(e.Name)) : "no targeted therapy in play";
        var disagreement = Disagreements(classes.SelectMany(c => InteractionFindings.Membership(e, c, generic)).Select(f => RowCaveats.Disputed(f.Provenance)).OfType<string>());
        e.Fire(RuleIds.InteractionNone, $"{med} ({what}{standing}): no interaction rule in either label with {with}.{disagreement}", record?.Provenance.Sources ?? []);
    }

    /// <summary>" (did you mean 'rifampin'?)" from the knowledge base's names, or "".</summary>
    private static string Hint(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => $" (did you mean '{names[0]}'?)",
        _ => $" (did you mean {string.Join(", ", names.Take(names.Count - 1).Select(n => $"'{n}'"))} or '{names[^1]}'?)",
    };
}
