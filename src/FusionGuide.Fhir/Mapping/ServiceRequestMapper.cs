using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// ServiceRequest (the order of a genomic test) → the histology of its reason code (ICD-O-3 morphology), used only
/// when no primary-cancer Condition gives one; a lung-cancer reason (C34.x) places the patient in scope when no
/// Condition does.
/// </summary>
internal static class ServiceRequestMapper
{
    public static void Map(ServiceRequest s, string path, MappingContext ctx)
    {
        for (var i = 0; i < s.ReasonCode.Count; i++)
        {
            var lung = CancerCodes.IsLungPrimary(s.ReasonCode[i]);
            ctx.Draft.LungFromOrder |= lung;
            if (CancerCodes.HistologyOf(s.ReasonCode[i]) is { } h)
            {
                ctx.Draft.HistologyFromOrder ??= h;
            }
            else if (!lung)
            {
                ctx.Warn($"{path}.reasonCode[{i}]", $"the order's reason {Terminology.Describe(s.ReasonCode[i])} is not a lung cancer histology FusionGuide maps");
            }
        }
    }
}
