using FusionGuide.Domain;
using FusionGuide.Knowledge.Medications;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>One MedicationStatement or MedicationRequest as taken: when, whether still, and why it stopped.</summary>
internal sealed record MedicationUse(bool Ongoing, bool Completed, string? Start, string? End, IReadOnlyList<CodeableConcept> Reasons, string Path, string Status);

/// <summary>
/// What MedicationStatement and MedicationRequest share once their status is read: the medication resolved by code
/// and by name (<see cref="MedicationResolver"/>), then each ingredient read as treatment history (an anticancer drug)
/// or as a current co-medication.
/// </summary>
internal static class MedicationReading
{
    public static void Read(CodeableConcept? concept, MedicationUse use, MappingContext ctx)
    {
        var medication = MedicationResolver.Resolve(concept, ctx.Kb);
        if (medication is null)
        {
            ctx.Warn($"{use.Path}.medication", "the medication has neither a code nor a name: not read");
            return;
        }

        if (medication.Unresolved is { } unresolved)
        {
            ctx.Warn($"{use.Path}.medication", $"{unresolved}: not read, so its interactions were not checked");
            return;
        }

        if (medication.Disagreement is { } disagreement)
        {
            ctx.Warn($"{use.Path}.medication", disagreement, WarningCodes.FhirAssumed);
        }

        foreach (var ingredient in medication.Ingredients.Where(i => i.Anticancer is not null))
        {
            AnticancerHistory.Add(ingredient, use, ctx);
        }

        var coMedications = medication.Ingredients.Count == 0 ? medication.Names
            : [.. medication.Ingredients.Where(i => i.Anticancer is null || IsAlsoInteracting(i, ctx)).Select(i => i.Name)];
        foreach (var name in coMedications)
        {
            if (use.Ongoing)
            {
                TherapyReader.CoMedication(name, ctx);
            }
            else if (medication.Ingredients.All(i => i.Anticancer is null))
            {
                ctx.Warn($"{use.Path}.status", $"{name} is no longer taken ({use.Status}): not a current co-medication");
            }
        }
    }

    /// <summary>An anticancer drug that is not a contract therapy but is in an interaction class (an EGFR TKI that prolongs QT): its interactions still count.</summary>
    private static bool IsAlsoInteracting(MedicationIngredient i, MappingContext ctx) =>
        i.Therapy is null && i.Anticancer == AnticancerClass.EgfrTki && ctx.Kb.Medication(i.Name).Generic is not null;
}
