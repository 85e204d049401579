using FusionGuide.Domain;

namespace FusionGuide.Fhir.Mapping;

/// <summary>Freezes the draft into a <see cref="Case"/>: tests assembled, history ordered by start date.</summary>
internal static class CaseAssembler
{
    public static Case Build(MappingContext ctx)
    {
        var d = ctx.Draft;
        if (d.PatientId is null)
        {
            ctx.Warn("$", "no Patient resource: age and sex are unknown");
        }

        if (d.Histology is null && d.HistologyFromOrder is not null)
        {
            ctx.Warn("$", "no primary-cancer Condition: the histology is read from the test order's reason", MappingContext.Assumed);
        }

        var history = d.Therapies.OrderBy(t => t.Start ?? DateOnly.MaxValue).ThenBy(t => t.Order).Select(t => t.Entry).ToList();
        var o = ctx.Options;
        return new Case
        {
            Id = o.CaseId ?? (string.IsNullOrEmpty(d.PatientId) ? null : d.PatientId),
            Patient = new Domain.Patient { Age = d.Age, Sex = d.Sex, Smoking = d.Smoking?.Value, Ecog = d.Ecog?.Value },
            Tumor = new Tumor { Histology = d.Histology ?? d.HistologyFromOrder, Stage = d.Stage ?? d.StageFromObservation, Transformation = d.Transformation, Resected = d.Resected },
            Tests = TestAssembler.Assemble(ctx),
            Disease = new Disease { BrainMetastases = d.Brain, Sites = [.. d.Sites] },
            History = history,
            AdverseEvents = [.. d.AdverseEvents],
            Comorbidities = [.. d.Comorbidities],
            Medications = [.. d.Medications],
            Context = new CaseContext { Region = o.Region, Available = o.Available, Unavailable = o.Unavailable },
        };
    }
}
