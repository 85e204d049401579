using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>Sends each resource to the mapper of its type; types that carry no fact the case uses are named in a warning.</summary>
internal static class ResourceDispatch
{
    /// <summary>Types read only through references from other resources (or carrying no clinical fact).</summary>
    private static readonly HashSet<string> ByReference = ["Medication", "Specimen", "Practitioner", "PractitionerRole", "Organization", "Encounter", "Location"];

    public static void Map(Located l, MappingContext ctx)
    {
        switch (l.Resource)
        {
            case Hl7.Fhir.Model.Patient p: PatientMapper.Map(p, l.Path, ctx); break;
            case Condition c: ConditionMapper.Map(c, l.Path, ctx); break;
            case Observation o: ObservationMapper.Map(o, l.Path, ctx); break;
            case MedicationStatement s: MedicationStatementMapper.Map(s, l.Path, ctx); break;
            case MedicationRequest r: MedicationRequestMapper.Map(r, l.Path, ctx); break;
            case Hl7.Fhir.Model.AdverseEvent a: AdverseEventMapper.Map(a, l.Path, ctx); break;
            case ServiceRequest s: ServiceRequestMapper.Map(s, l.Path, ctx); break;
            case DiagnosticReport r: DiagnosticReportMapper.Map(r, l.Path, ctx); break;
            case OperationOutcome oo:
                ctx.Warn(l.Path, $"the FHIR server reported: {string.Join("; ", oo.Issue.Select(i => i.Diagnostics ?? i.Details?.Text ?? i.Code?.ToString()))}");
                break;
            case var r when ByReference.Contains(r.TypeName):
                break;
            default:
                ctx.Warn(l.Path, $"a {l.Resource.TypeName} resource is not one FusionGuide reads");
                break;
        }
    }
}
