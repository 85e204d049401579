using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>A case is about one patient: a resource whose subject is another Patient is a problem.</summary>
internal static class SubjectCheck
{
    public static void Check(Located l, MappingContext ctx)
    {
        if (SubjectReference(l.Resource) is not { } subject)
        {
            return;
        }

        // The Patient read (PatientMapper refuses a second one). Without one, the resources must at least agree with
        // each other: the first subject names the patient, and one naming another is a problem.
        var patient = ctx.Resources.Select(x => x.Resource).OfType<Patient>().FirstOrDefault();
        // Neither id is repeated in a problem: the other one is often an MRN, and problems reach the caller's error logs.
        if ((patient is not null ? Mismatch(subject, patient, ctx) : Disagrees(subject, ctx)) is { } why)
        {
            ctx.Problem($"{l.Path}.subject", $"this {l.Resource.TypeName} {why}");
        }
    }

    private const string Other = "is about another patient than the Patient read";
    private const string Untied = "names a subject that is not the Patient read (another resource type, a contained or unresolved reference): it cannot be tied to this patient";

    /// <summary>
    /// Why <paramref name="subject"/> is not <paramref name="patient"/>, or null when it is. A reference resolved in the
    /// input (its id, its fullUrl, <c>urn:uuid</c> included) must be that Patient; one naming a Patient by id (literal or
    /// absolute URL) must name its id; a conditional reference (<c>Patient?identifier=system|value</c>) or a business
    /// identifier must be one of its identifiers. Anything else — a Group, a contained <c>#id</c>, a <c>urn:</c> not in
    /// the input, a display alone — cannot be tied to the patient: another patient's data is never read as this one's.
    /// </summary>
    private static string? Mismatch(ResourceReference subject, Patient patient, MappingContext ctx)
    {
        if (subject.Reference is { Length: > 0 } reference)
        {
            if (ConditionalIdentifier(reference) is { } conditional)
            {
                return Carries(patient, conditional) ? null : "names its subject by an identifier that is not one of the Patient's: it cannot be tied to this patient";
            }

            if (ctx.Resolve<Patient>(subject) is { } resolved)
            {
                return ReferenceEquals(resolved, patient) || (resolved.Id is { Length: > 0 } rid && rid == patient.Id) ? null : Other;
            }

            return PatientIdOf(reference) is not { } id ? Untied
                : patient.Id is not { Length: > 0 } own ? "names a Patient by an id, but the Patient read has none: it cannot be tied to this patient"
                : id == own ? null : Other;
        }

        if (subject.Identifier is { Value.Length: > 0 } identifier)
        {
            return Carries(patient, identifier) ? null : "names its subject by an identifier that is not one of the Patient's: it cannot be tied to this patient";
        }

        return "gives its subject by name only (no reference or identifier): it cannot be tied to this patient";
    }

    /// <summary>No Patient in the input: why this subject disagrees with the first one read, or null when it agrees.</summary>
    private static string? Disagrees(ResourceReference subject, MappingContext ctx)
    {
        var key = subject.Reference is { Length: > 0 } reference
            ? ConditionalIdentifier(reference) is { } c ? $"identifier {c.System}|{c.Value}" : PatientIdOf(reference) is { } id ? $"Patient/{id}" : reference
            : subject.Identifier is { Value.Length: > 0 } identifier ? $"identifier {identifier.System}|{identifier.Value}" : null;
        if (key is null)
        {
            return "gives its subject by name only (no reference or identifier): it cannot be tied to the patient of the other resources";
        }

        ctx.Draft.SubjectKey ??= key;
        return ctx.Draft.SubjectKey == key ? null : "is about another patient than the other resources (no Patient resource to tell which is meant)";
    }

    /// <summary>The identifier of a conditional reference <c>Patient?identifier=system|value</c>, or null.</summary>
    private static Identifier? ConditionalIdentifier(string reference)
    {
        const string prefix = "Patient?identifier=";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var token = Uri.UnescapeDataString(reference[prefix.Length..]);
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? new Identifier(null, token) : new Identifier(bar == 0 ? null : token[..bar], token[(bar + 1)..]);
    }

    private static bool Carries(Patient patient, Identifier id) =>
        patient.Identifier.Any(x => MappingContext.SameIdentifier(x, id));

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
