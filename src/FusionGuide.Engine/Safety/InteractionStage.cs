using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Systemic;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Safety;

/// <summary>
/// Every medication in the case against the first choice, every targeted option and the current therapy:
/// CYP3A strength, QT and bradycardia classes, with the label's severity and advice. Unknown names are reported.
/// </summary>
internal static class InteractionStage
{
    public static IReadOnlyList<InteractionRow> Run(Evaluation e, SystemicOutcome s)
    {
        var therapies = SafetyStage.InPlay(e, s);
        var rows = new List<InteractionRow>();
        var unknown = new List<string>();
        foreach (var med in e.Case.Medications)
        {
            var (generic, classes) = e.Kb.Medication(med);
            if (generic is null)
            {
                unknown.Add(med);
                continue;
            }

            foreach (var t in therapies)
            {
                For(e, t, med, generic, classes, rows);
            }
        }

        if (unknown.Count > 0)
        {
            var msg = $"FusionGuide does not know {string.Join(", ", unknown.Select(u => $"'{u}'{Hint(e.Kb.SuggestMedications(u))}"))}: check {(unknown.Count == 1 ? "its" : "their")} interactions with {(therapies.Count > 0 ? string.Join(", ", therapies.Select(e.Name)) : "the chosen therapy")} in the labels (CYP3A, QT, bradycardia).";
            e.Warn(WarningCodes.UnknownMedication, msg);
            e.Fire(RuleIds.UnknownMedication, msg);
        }

        return rows;
    }

    /// <summary>" (did you mean 'rifampin'?)" from the knowledge base's names, or "".</summary>
    private static string Hint(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => $" (did you mean '{names[0]}'?)",
        _ => $" (did you mean {string.Join(", ", names.Take(names.Count - 1).Select(n => $"'{n}'"))} or '{names[^1]}'?)",
    };

    /// <summary>
    /// The rules of <paramref name="therapy"/>'s table in force that apply to this medication: those naming it, or
    /// else those of its interaction classes (a label's named advice is more specific than its class's).
    /// </summary>
    private static void For(Evaluation e, Therapy therapy, string med, string generic, IReadOnlyList<InteractionClassCode> classes, List<InteractionRow> rows)
    {
        if (e.Kb.Interactions(therapy) is not { } table)
        {
            return;
        }

        var named = false;
        foreach (var r in table.Rules)
        {
            if (r.Validity.Contains(e.AsOf) && r.MedicationKey == generic)
            {
                named = true;
                break;
            }
        }

        foreach (var r in table.Rules)
        {
            if (!r.Validity.Contains(e.AsOf) || (named ? r.MedicationKey != generic : r.Class is not { } c || !classes.Contains(c)))
            {
                continue;
            }

            e.UsedUnverified(r.Id, r.Provenance);
            var mechanism = r.Medication is not null ? $"{generic} (named in the label)" : r.Class!.Value.Code();
            e.Fire(RuleIds.Interaction, $"{e.Name(therapy)} + {med} ({mechanism}): {r.Severity.Code()}. {r.FullAdvice}", r.Provenance.Sources);
            rows.Add(new InteractionRow
            {
                Therapy = therapy,
                With = med,
                Severity = r.Severity,
                Advice = r.FullAdvice,
                Mechanism = r.Class?.Code() ?? "named-medication",
                References = r.Provenance.Sources,
            });
        }
    }
}
