using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>A case is about one patient: a resource whose subject is another Patient is a problem.</summary>
internal static class SubjectCheck
{
    public static void Check(Located l, MappingContext ctx)
    {
        if (ctx.Draft.PatientId is not { Length: > 0 } patient || SubjectOf(l.Resource) is not { } reference)
        {
            return;
        }

        if (PatientIdOf(reference) is { } other && other != patient)
        {
            // Neither id is repeated: the other one is often an MRN, and problems reach the caller's error logs.
            ctx.Problem($"{l.Path}.subject", $"this {l.Resource.TypeName} is about another patient than the Patient read");
        }
    }

    /// <summary>The subject reference of a resource that is about a patient, or null (none, or a type without one).</summary>
    public static string? SubjectOf(Resource resource) => (resource switch
    {
        Observation o => o.Subject,
        Condition c => c.Subject,
        MedicationStatement s => s.Subject,
        MedicationRequest r => r.Subject,
        Hl7.Fhir.Model.AdverseEvent a => a.Subject,
        ServiceRequest s => s.Subject,
        DiagnosticReport d => d.Subject,
        _ => null,
    })?.Reference;

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
