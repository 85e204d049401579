using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>A case is about one patient: a resource whose subject is another Patient is a problem.</summary>
internal static class SubjectCheck
{
    public static void Check(Located l, MappingContext ctx)
    {
        var subject = l.Resource switch
        {
            Observation o => o.Subject,
            Condition c => c.Subject,
            MedicationStatement s => s.Subject,
            MedicationRequest r => r.Subject,
            Hl7.Fhir.Model.AdverseEvent a => a.Subject,
            ServiceRequest s => s.Subject,
            DiagnosticReport d => d.Subject,
            _ => null,
        };
        var reference = subject?.Reference;
        if (ctx.Draft.PatientId is not { Length: > 0 } patient || reference is null)
        {
            return;
        }

        var parts = reference.Split('/');
        if (parts.Length >= 2 && parts[^2] == "Patient" && parts[^1] != patient && !reference.StartsWith("urn:", StringComparison.Ordinal))
        {
            ctx.Problem($"{l.Path}.subject", $"this {l.Resource.TypeName} is about {reference}, not Patient/{patient}");
        }
    }
}
