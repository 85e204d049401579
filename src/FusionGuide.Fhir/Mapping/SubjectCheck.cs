using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>A case is about one patient: a resource whose subject is another Patient is a problem.</summary>
internal static class SubjectCheck
{
    public static void Check(Located l, MappingContext ctx)
    {
        if (ctx.Draft.PatientId is not { Length: > 0 } patient || SubjectReference(l.Resource) is not { } subject)
        {
            return;
        }

        // Neither id is repeated in a problem: the other one is often an MRN, and problems reach the caller's error logs.
        if (Mismatch(subject, patient, ctx) is { } why)
        {
            ctx.Problem($"{l.Path}.subject", $"this {l.Resource.TypeName} {why}");
        }
    }

    /// <summary>
    /// Why <paramref name="subject"/> is not the Patient read, or null when it is. A reference resolved in the input must
    /// be that Patient; one naming a Patient by id (literal or absolute URL) must name its id; a business identifier must
    /// be one of the Patient's. Anything else — a Group, a contained <c>#id</c>, a <c>urn:</c> not in the input, a display
    /// alone — cannot be tied to the patient, and another patient's data must never be read as this one's.
    /// </summary>
    private static string? Mismatch(ResourceReference subject, string patient, MappingContext ctx)
    {
        const string other = "is about another patient than the Patient read";
        if (subject.Reference is { Length: > 0 } reference)
        {
            if (ctx.Resolve<Patient>(subject) is { } resolved)
            {
                return resolved.Id == patient ? null : other;
            }

            return PatientIdOf(reference) is { } id
                ? id == patient ? null : other
                : "names a subject that is not the Patient read (another resource type, a contained or unresolved reference): it cannot be tied to this patient";
        }

        if (subject.Identifier is { Value.Length: > 0 } identifier)
        {
            var patientResource = ctx.Resources.Select(x => x.Resource).OfType<Patient>().FirstOrDefault(x => x.Id == patient);
            return patientResource?.Identifier.Any(x => x.Value == identifier.Value && (x.System is null || identifier.System is null || x.System == identifier.System)) == true
                ? null
                : "names its subject by an identifier that is not one of the Patient's: it cannot be tied to this patient";
        }

        return "gives its subject by name only (no reference or identifier): it cannot be tied to this patient";
    }

    /// <summary>The subject of a resource that is about a patient, or null (none, or a type without one).</summary>
    public static ResourceReference? SubjectReference(Resource resource) => resource switch
    {
        Observation o => o.Subject,
        Condition c => c.Subject,
        MedicationStatement s => s.Subject,
        MedicationRequest r => r.Subject,
        Hl7.Fhir.Model.AdverseEvent a => a.Subject,
        ServiceRequest s => s.Subject,
        DiagnosticReport d => d.Subject,
        Specimen s => s.Subject,
        _ => null,
    };

    /// <summary>The subject reference of a resource that is about a patient, or null (none, or a type without one).</summary>
    public static string? SubjectOf(Resource resource) => SubjectReference(resource)?.Reference;

    /// <summary>
    /// The Patient id a literal reference names (<c>Patient/p1</c>, <c>https://ehr/fhir/Patient/p1</c>, either with
    /// <c>/_history/N</c>), or null when it names no Patient by id (another type, <c>urn:</c>, a contained <c>#id</c>).
    /// </summary>
    public static string? PatientIdOf(string reference)
    {
        if (reference.StartsWith("urn:", StringComparison.Ordinal) || reference.StartsWith('#'))
        {
            return null;
        }

        var parts = reference.Split('/');
        var history = Array.LastIndexOf(parts, "_history");
        var end = history >= 2 ? history : parts.Length;
        return end >= 2 && parts[end - 2] == "Patient" && parts[end - 1].Length > 0 ? parts[end - 1] : null;
    }
}
