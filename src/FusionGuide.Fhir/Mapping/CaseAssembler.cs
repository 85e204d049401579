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
            ctx.Warn("$", "no primary-cancer Condition: the histology is read from the test order's reason", WarningCodes.FhirAssumed);
        }

        var stage = LatestStage(ctx);
        var history = d.Therapies.OrderBy(t => t.Start ?? DateOnly.MaxValue).ThenBy(t => t.Order).Select(t => t.Entry).ToList();
        var o = ctx.Options;
        return new Case
        {
            Id = o.CaseId ?? (string.IsNullOrEmpty(d.PatientId) ? null : d.PatientId),
            Patient = new Domain.Patient { Age = d.Age, Sex = d.Sex, Smoking = d.Smoking?.Value, Ecog = d.Ecog?.Value },
            Tumor = new Tumor { Histology = d.Histology ?? d.HistologyFromOrder, Stage = stage ?? d.StageFromCode, Transformation = d.Transformation, Resected = d.Resected },
            Tests = TestAssembler.Assemble(ctx),
            Disease = new Disease { BrainMetastases = d.Brain, Sites = [.. d.Sites] },
            History = history,
            AdverseEvents = [.. d.AdverseEvents],
            Comorbidities = [.. d.Comorbidities],
            Medications = [.. d.Medications],
            Context = new CaseContext { Region = o.Region, Available = o.Available, Unavailable = o.Unavailable },
        };
    }

    /// <summary>
    /// Why the record is outside FusionGuide's scope (no non-small cell lung cancer), or null when it is in scope: a
    /// lung primary Condition, or with no Condition for it, a test order whose reason is lung cancer.
    /// </summary>
    public static string? OutOfScope(MappingContext ctx)
    {
        var d = ctx.Draft;
        if (d.LungPrimaries.Count > 0 || d.LungFromOrder)
        {
            return null;
        }

        return d.OtherPrimaries.Count > 0
            ? $"no lung cancer on record: the primary cancer read is {string.Join("; ", d.OtherPrimaries.Select(p => p.Description))}. FusionGuide advises only on non-small cell lung cancer."
            : "no lung cancer on record: no Condition names a primary lung cancer (ICD-10-CM or ICD-O-3 C34, a SNOMED CT lung-cancer disorder, or a primary cancer with a lung body site) and no test order gives lung cancer as its reason. FusionGuide advises only on non-small cell lung cancer.";
    }

    /// <summary>
    /// The lung cancer's stage: the latest of its stage groups on record (Condition.stage summaries and stage-group
    /// Observations, by date; undated ones by bundle order, and never over a dated one). Cancers are restaged, and the
    /// first stage in the bundle is often the one at diagnosis: IIIA then, IVB now is stage IVB. Stages that differ are
    /// named in a warning.
    /// </summary>
    private static Stage? LatestStage(MappingContext ctx)
    {
        var readings = ctx.Draft.Stages.Concat(StagesFromObservations(ctx)).OrderBy(r => r.Entry).ToList();
        if (readings.Count == 0)
        {
            return null;
        }

        // Dated after undated, then by date; the stable sort keeps bundle order among equals, and the last one wins.
        var chosen = readings.OrderBy(r => r.Date is not null).ThenBy(r => r.Date).Last();
        if (readings.Select(r => r.Stage).Distinct().Count() > 1)
        {
            ctx.Warn(chosen.Path, $"{DescribeStages(readings)} on record: the latest, {Codes.Stage.Code(chosen.Stage)}, is read", WarningCodes.FhirAssumed);
        }

        return chosen.Stage;
    }

    /// <summary>"stage IIIA (2022-01-10) and IVB (2024-02-10)": each stage once, with its latest date.</summary>
    private static string DescribeStages(List<StageReading> readings)
    {
        var stages = readings.GroupBy(r => r.Stage)
            .Select(g => (Stage: g.Key, Date: g.Max(r => r.Date)))
            .OrderBy(s => s.Date ?? DateOnly.MaxValue)
            .Select(s => $"{Codes.Stage.Code(s.Stage)} ({(s.Date is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "undated")})")
            .ToList();
        return $"stage {string.Join(", ", stages[..^1])} and {stages[^1]}";
    }

    /// <summary>
    /// The stage-group Observations that count for the lung cancer: those of the lung primary (its
    /// <c>stage.assessment</c>, or their <c>focus</c>) count; one about another Condition never does; an unlinked one
    /// counts only when no other primary cancer is on record.
    /// </summary>
    private static List<StageReading> StagesFromObservations(MappingContext ctx)
    {
        var d = ctx.Draft;
        var found = new List<StageReading>();
        foreach (var (o, path, stage) in d.StageObservations)
        {
            bool Assesses(Hl7.Fhir.Model.Condition c) => c.Stage.Any(st => st.Assessment.Any(a => ReferenceEquals(ctx.Resolve<Hl7.Fhir.Model.Observation>(a), o)));
            var focus = o.Focus.Select(f => ctx.Resolve<Hl7.Fhir.Model.Condition>(f)).Where(c => c is not null).ToList();
            var ofLung = d.LungPrimaries.Any(Assesses) || focus.Any(c => d.LungPrimaries.Contains(c!));
            var ofOther = d.OtherPrimaries.Any(p => Assesses(p.Condition)) || focus.Any(c => d.OtherPrimaries.Any(p => ReferenceEquals(p.Condition, c)));
            if (ofLung || !ofOther && d.OtherPrimaries.Count == 0)
            {
                found.Add(new StageReading(stage, FhirDates.Earliest(ObservationDates.Effective(o)), path, ctx.EntryOf(o)));
            }
            else if (ofOther)
            {
                ctx.Warn(path, $"stage group {Codes.Stage.Code(stage)} is the stage of another primary cancer, not the lung cancer: not read");
            }
            else
            {
                ctx.Warn(path, $"stage group {Codes.Stage.Code(stage)} names no Condition (focus) and another primary cancer is on record: not read as the lung cancer's stage");
            }
        }

        return found;
    }
}
