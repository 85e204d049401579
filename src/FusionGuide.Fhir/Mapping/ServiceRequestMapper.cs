using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// ServiceRequest (the order of a genomic test) → the histology of its reason code (ICD-O-3 morphology), used only
/// when no primary-cancer Condition gives one.
/// </summary>
internal static class ServiceRequestMapper
{
    public static void Map(ServiceRequest s, string path, MappingContext ctx)
    {
        for (var i = 0; i < s.ReasonCode.Count; i++)
        {
            if (CancerCodes.HistologyOf(s.ReasonCode[i]) is { } h)
            {
                ctx.Draft.HistologyFromOrder ??= h;
            }
            else if (!CancerCodes.IsLungPrimary(s.ReasonCode[i]))
            {
                ctx.Warn($"{path}.reasonCode[{i}]", $"the order's reason {Terminology.Describe(s.ReasonCode[i])} is not a lung cancer histology FusionGuide maps");
            }
        }
    }
}
