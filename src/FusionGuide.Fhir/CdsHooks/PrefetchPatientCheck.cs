using FusionGuide.Fhir.Mapping;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>
/// The prefetch (and the drafted orders) must be the data of the patient the hook is called for: its templates are filled in with
/// <c>context.patientId</c>, so a Patient of another id, or a resource whose subject is another Patient, means a stale
/// or mis-keyed prefetch (one patient's plan would be shown, and audited, in another patient's chart). It is checked on
/// the prefetch as given, before the FHIR reader, so a Patient resource the reader cannot use (a gender "F") still
/// leaves every subject compared with the context. The errors name paths only, never the ids (often MRNs).
/// </summary>
internal static class PrefetchPatientCheck
{
    /// <summary>Every place the prefetch is about another patient than <paramref name="patientId"/>; empty when none is.</summary>
    /// <remarks>
    /// The drafted orders of order-select/order-sign (<paramref name="draftOrders"/>) are checked the same way: an order
    /// drafted for another patient would otherwise be checked against this patient's plan, and its cards shown here.
    /// </remarks>
    public static IReadOnlyList<string> Mismatches(IReadOnlyDictionary<string, Resource?> prefetch, Bundle? draftOrders, string patientId)
    {
        // CDS Hooks' context.patientId is the FHIR id; a client that sends "Patient/p1" means the same patient.
        var expected = patientId.StartsWith("Patient/", StringComparison.Ordinal) ? patientId["Patient/".Length..] : patientId;
        var errors = new List<string>();
        foreach (var (key, value) in prefetch.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (value is not null)
            {
                Check(value, $"$.prefetch.{key}", expected, errors, depth: 0);
            }
        }

        if (draftOrders is not null)
        {
            // An order is checked against this patient's plan only when its subject names this patient: one addressed by
            // an identifier, a group, a contained or unresolved reference, or a display name cannot be tied to them.
            for (var i = 0; i < draftOrders.Entry.Count; i++)
            {
                if (draftOrders.Entry[i].Resource is { } order && order is not Bundle)
                {
                    var path = $"$.context.draftOrders.entry[{i}].resource.subject";
                    var subject = Readable(() => SubjectCheck.SubjectOf(order));
                    var id = subject is null ? null : SubjectCheck.PatientIdOf(subject);
                    if (id is null && subject is null && Readable(() => SubjectCheck.SubjectReference(order)?.Identifier?.Value ?? SubjectCheck.SubjectReference(order)?.Display) is null)
                    {
                        continue;
                    }

                    if (id is null)
                    {
                        errors.Add($"{path}: this {order.TypeName}'s subject does not name a Patient by id, so it cannot be tied to the patient named by context.patientId");
                    }
                    else if (id != expected)
                    {
                        errors.Add($"{path}: this {order.TypeName} is about another patient than context.patientId");
                    }
                }
            }
        }

        return errors;
    }

    private static void Check(Resource resource, string path, string expected, List<string> errors, int depth)
    {
        if (resource is Bundle bundle)
        {
            // The parser caps nesting already; this cap only keeps the walk finite whatever built the bundle.
            for (var i = 0; i < bundle.Entry.Count && depth < 32; i++)
            {
                if (bundle.Entry[i].Resource is { } entry)
                {
                    Check(entry, $"{path}.entry[{i}].resource", expected, errors, depth + 1);
                }
            }

            return;
        }

        if (resource is Patient patient)
        {
            var id = Readable(() => patient.Id);
            if (id != expected)
            {
                errors.Add(string.IsNullOrEmpty(id)
                    ? $"{path}.id: the Patient has no readable id, so it cannot be matched with context.patientId"
                    : $"{path}.id: the Patient is not the patient named by context.patientId");
            }

            return;
        }

        // A subject the SDK kept but cannot give back makes the reader drop the resource; there is nothing to compare.
        if (Readable(() => SubjectCheck.SubjectOf(resource)) is { } reference && SubjectCheck.PatientIdOf(reference) is { } subject && subject != expected)
        {
            errors.Add($"{path}.subject: this {resource.TypeName} is about another patient than context.patientId");
        }
    }

    /// <summary>A value read from the SDK, or null when the SDK kept one it cannot give back (UnreadableValues).</summary>
    private static string? Readable(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is Hl7.Fhir.Utility.CodedException or InvalidCastException or FormatException)
        {
            return null;
        }
    }
}
