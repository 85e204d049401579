using FusionGuide.Domain;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// What MedicationStatement and MedicationRequest share: the medication's name, and a systemic therapy's history
/// entry (dates and why it stopped, from the status reason: "progression" with its pattern, intolerance, completion).
/// </summary>
internal static class TherapyReader
{
    /// <summary>
    /// Words that say a therapy was stopped for its toxicity: the general ones, and the adverse events that stop ALK/ROS1
    /// TKIs, named or graded ("stopped for grade 3 pneumonitis").
    /// </summary>
    private static readonly string[] Intolerance =
    [
        "*intoleran", "*toxic", "adverse", "side effect", "pneumonitis", "interstitial lung", "ILD$", "bradycardia", "QTc", "QT prolong",
        "transaminase", "hepatitis", "CTCAE", "grade 2", "grade 3", "grade 4",
    ];

    /// <summary>The medication concept: inline, or the code of a referenced Medication (or the reference's display).</summary>
    public static CodeableConcept? Concept(DataType? medication, MappingContext ctx, DomainResource? container = null) => medication switch
    {
        CodeableConcept cc => cc,
        // EHRs often send the Medication contained in the request or statement ("#med1"): resolved from its container.
        ResourceReference r => ctx.Resolve<Medication>(r, container)?.Code ?? (r.Display is { } d ? new CodeableConcept { Text = d } : null),
        _ => null,
    };

    /// <summary>Why it stopped: the status reasons and mCODE's treatment-termination-reason extension.</summary>
    public static IReadOnlyList<CodeableConcept> Reasons(DomainResource r, IEnumerable<CodeableConcept?> statusReasons) =>
        [.. statusReasons.OfType<CodeableConcept>(), .. r.Extension.Where(e => e.Url?.EndsWith("treatment-termination-reason", StringComparison.Ordinal) == true).Select(e => e.Value).OfType<CodeableConcept>()];

    /// <summary>Adds a history entry for a systemic therapy: current when still taken, else a prior line with why it stopped when coded.</summary>
    public static void History(Therapy therapy, MedicationUse use, MappingContext ctx)
    {
        var (ongoing, start, end, reasons, path) = (use.Ongoing, use.Start, use.End, use.Reasons, use.Path);
        var words = string.Join(" ", reasons.Select(Terminology.Words));
        var codes = reasons.SelectMany(r => r.Coding).Where(c => c.System == Terminology.Snomed).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        // Codes decide; words count only where affirmed ("No evidence of progression; stopped for edema" is intolerance,
        // "Incomplete response" is no completion, "Progression-free but stopped for grade 3 pneumonitis" is intolerance).
        // "Tolerat-" counts even negated: "not tolerated" is intolerance.
        StopReason? stop = ongoing ? StopReason.Ongoing
            : codes.Contains("266721009") || FreeText.Affirms(words, FreeText.Scope.Clause, ProgressionText.Progression) ? StopReason.Progression
            : codes.Contains("407563006") || FreeText.Affirms(words, FreeText.Scope.Clause, Intolerance) || Terminology.Mentions(words, "tolerat") ? StopReason.Intolerance
            : codes.Contains("182992009") || FreeText.Affirms(words, FreeText.Scope.Clause, "complet") || use.Completed ? StopReason.Completed
            : null;
        if (!ongoing && stop is null)
        {
            ctx.Warn($"{path}.statusReason", $"why {Codes.Therapy.Code(therapy)} stopped is not stated as progression, intolerance or completion: the reason is left out");
        }

        ProgressionPattern? pattern = null;
        if (stop == StopReason.Progression || ongoing && FreeText.Affirms(words, FreeText.Scope.Clause, ProgressionText.Progression))
        {
            // A site counts only where progression words apply to it ("Progression in liver; brain stable" is systemic):
            // the pattern decides whether the TKI is continued, so text naming sites it cannot place gives none, said.
            var reading = ProgressionText.Read(reasons.Select(Terminology.Words));
            pattern = reading.Pattern;
            if (reading.Unsure)
            {
                ctx.Warn($"{path}.statusReason", $"where the disease progressed on {Codes.Therapy.Code(therapy)} could not be read with confidence from the reason's words: the progression pattern (CNS-only, systemic, both, oligoprogression) is left unset");
            }

            stop = StopReason.Progression;
        }

        var entry = new HistoryEntry
        {
            Therapy = therapy, Start = FhirDates.DatePart(start), End = ongoing && stop != StopReason.Progression ? null : FhirDates.DatePart(end),
            StopReason = stop, ProgressionPattern = pattern,
        };
        ctx.Draft.Therapies.Add(new TherapyRecord(entry, FhirDates.Earliest(start), ctx.Draft.Therapies.Count));
    }

    /// <summary>Adds a current co-medication by name (the engine reports names it does not know).</summary>
    public static void CoMedication(string name, MappingContext ctx)
    {
        if (!ctx.Draft.Medications.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            ctx.Draft.Medications.Add(name);
        }
    }
}
