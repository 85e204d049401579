using FusionGuide.Domain;

namespace FusionGuide.Fhir.Mapping;

/// <summary>The case as the mappers build it, piece by piece, before it is frozen into a <see cref="Case"/>.</summary>
internal sealed class CaseDraft
{
    public string? PatientId { get; set; }

    /// <summary>With no Patient resource: the subject the first resource named, which every other must name too.</summary>
    public string? SubjectKey { get; set; }
    public int? Age { get; set; }
    public Sex? Sex { get; set; }
    public Dated<Smoking>? Smoking { get; set; }
    public Dated<int>? Ecog { get; set; }
    public Histology? Histology { get; set; }
    public Histology? HistologyFromOrder { get; set; }
    /// <summary>The lung primary's stage groups (Condition.stage summaries), in bundle order; stage Observations join them when the case is assembled.</summary>
    public List<StageReading> Stages { get; } = [];

    /// <summary>The stage a lung-cancer disorder code carries ("NSCLC, TNM stage 4"): read only when no stage group is recorded.</summary>
    public Stage? StageFromCode { get; set; }
    public Transformation? Transformation { get; set; }
    public bool? Resected { get; set; }
    /// <summary>The Conditions read as the primary lung cancer.</summary>
    public List<Hl7.Fhir.Model.Condition> LungPrimaries { get; } = [];

    /// <summary>Primary cancers of other sites (out of scope), each with its description.</summary>
    public List<(Hl7.Fhir.Model.Condition Condition, string Description)> OtherPrimaries { get; } = [];

    /// <summary>A test order whose reason is lung cancer (code or histology).</summary>
    public bool LungFromOrder { get; set; }

    /// <summary>Stage-group Observations, kept until the conditions are known (only the lung primary's count).</summary>
    public List<(Hl7.Fhir.Model.Observation Observation, string Path, Stage Stage)> StageObservations { get; } = [];
    public BrainMetastases? Brain { get; set; }
    public List<MetastaticSite> Sites { get; } = [];
    public List<Finding> Findings { get; } = [];
    public List<TherapyRecord> Therapies { get; } = [];
    /// <summary>Chemotherapy and immunotherapy drugs, one per resource, until they are assembled into regimens.</summary>
    public List<RegimenPart> RegimenParts { get; } = [];
    public List<AdverseEvent> AdverseEvents { get; } = [];
    public List<Comorbidity> Comorbidities { get; } = [];
    public List<string> Medications { get; } = [];

    public void AddSite(MetastaticSite site)
    {
        if (!Sites.Contains(site))
        {
            Sites.Add(site);
        }
    }
}

/// <summary>A value with the date it was observed (the latest observation wins).</summary>
internal sealed record Dated<T>(T Value, DateOnly? Date)
{
    /// <summary>Keeps the later of two observations (an undated one never replaces a dated one).</summary>
    public static Dated<T> Latest(Dated<T>? current, Dated<T> next) =>
        current is null || (next.Date is { } n && (current.Date is not { } c || n >= c)) ? next : current;
}

/// <summary>One stage group on record: where it was read, when it was assessed (null when undated) and its bundle entry, for ordering.</summary>
internal sealed record StageReading(Stage Stage, DateOnly? Date, string Path, int Entry);

/// <summary>A systemic therapy read from a MedicationStatement or MedicationRequest, with its start for ordering.</summary>
internal sealed record TherapyRecord(HistoryEntry Entry, DateOnly? Start, int Order);

/// <summary>One biomarker finding read from an Observation, before findings are grouped into tests.</summary>
internal sealed record Finding
{
    public required string Path { get; init; }
    public required string Symbol { get; init; }
    public Gene? Gene { get; init; }
    public required TestMethod Method { get; init; }
    public Sample? Sample { get; init; }
    public TestResult? Result { get; init; }
    public Clone? IhcClone { get; init; }
    public int? Intensity { get; init; }
    public double? PercentStainedCells { get; init; }
    public double? PercentRearrangedCells { get; init; }
    public int? CellsScored { get; init; }
    public double? Tps { get; init; }
    public string? FusionPartner { get; init; }
    public string? Variant { get; init; }
    public IReadOnlyList<string> Mutations { get; init; } = [];
    public string? Date { get; init; }

    /// <summary>The contract's name for this finding as an off-target alteration at progression, if it is one.</summary>
    public string? Alteration { get; init; }

    /// <summary>True for a finding that only makes sense as an alteration at progression (copy number, off-target gene).</summary>
    public bool AlterationOnly { get; init; }
}
