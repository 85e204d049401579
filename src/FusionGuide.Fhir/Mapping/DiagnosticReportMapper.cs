using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// DiagnosticReport → nothing of its own: its results are read as Observations and its specimens give their sample.
/// A conclusion written in the report is named in a warning, since FusionGuide reads the coded findings only.
/// </summary>
internal static class DiagnosticReportMapper
{
    public static void Map(DiagnosticReport r, string path, MappingContext ctx)
    {
        if (!string.IsNullOrWhiteSpace(r.Conclusion))
        {
            ctx.Warn($"{path}.conclusion", "the report's conclusion text is not read: FusionGuide reads the coded findings");
        }

        for (var i = 0; i < r.ConclusionCode.Count; i++)
        {
            ctx.Warn($"{path}.conclusionCode[{i}]", $"the report's conclusion {Terminology.Describe(r.ConclusionCode[i])} is not read: FusionGuide reads the coded findings");
        }

        for (var i = 0; i < r.Result.Count; i++)
        {
            if (ctx.Resolve<Observation>(r.Result[i], r) is null)
            {
                var where = r.Result[i].Reference?.StartsWith('#') == true ? "names no Observation the report contains" : "is not in the bundle";
                ctx.Warn($"{path}.result[{i}]", $"the result {r.Result[i].Reference ?? r.Result[i].Identifier?.Value} {where}: not read");
            }
        }
    }
}
