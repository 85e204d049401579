using System.Text.Json.Serialization;

namespace FusionGuide.Domain;

/// <summary>A patient case as the contract defines it: everything a front end hands to the engine.</summary>
/// <remarks>Built only by <see cref="Validation.CaseReader"/> (which validates) or by adapters; the engine never sees raw JSON.</remarks>
public sealed record Case
{
    /// <summary>The caller's case identifier (at most 200 characters), echoed as <c>caseId</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Demographics and performance status.</summary>
    public Patient Patient { get; init; } = new();

    /// <summary>Histology, stage, transformation and resection.</summary>
    public Tumor Tumor { get; init; } = new();

    /// <summary>Every biomarker test, at diagnosis and at progression, in the order given.</summary>
    public IReadOnlyList<BiomarkerTest> Tests { get; init; } = [];

    /// <summary>Extent of disease.</summary>
    public Disease Disease { get; init; } = new();

    /// <summary>Systemic therapies in the order given (oldest first).</summary>
    public IReadOnlyList<HistoryEntry> History { get; init; } = [];

    /// <summary>Adverse events on current or past therapy.</summary>
    public IReadOnlyList<AdverseEvent> AdverseEvents { get; init; } = [];

    /// <summary>Comorbidities.</summary>
    public IReadOnlyList<Comorbidity> Comorbidities { get; init; } = [];

    /// <summary>Co-medications by generic (or brand) name, as written by the caller.</summary>
    public IReadOnlyList<string> Medications { get; init; } = [];

    /// <summary>Region and drug availability at the site.</summary>
    public CaseContext Context { get; init; } = new();

    /// <summary>
    /// Optional project extension: the therapy actually given next (for cohort concordance reports).
    /// Never read by the engine.
    /// </summary>
    public Therapy? GivenNext { get; init; }
}

/// <summary>Demographics and performance status.</summary>
public sealed record Patient
{
    /// <summary>Age in years (0–120).</summary>
    public int? Age { get; init; }

    /// <summary>Sex.</summary>
    public Sex? Sex { get; init; }

    /// <summary>Smoking history.</summary>
    public Smoking? Smoking { get; init; }

    /// <summary>ECOG performance status (0–4).</summary>
    public int? Ecog { get; init; }
}

/// <summary>The tumour.</summary>
public sealed record Tumor
{
    /// <summary>Histology at diagnosis.</summary>
    public Histology? Histology { get; init; }

    /// <summary>AJCC stage group.</summary>
    public Stage? Stage { get; init; }

    /// <summary>Histologic change seen on a biopsy at progression, or null.</summary>
    public Transformation? Transformation { get; init; }

    /// <summary>True when the primary was completely resected (stage IB–IIIA): the adjuvant setting.</summary>
    public bool? Resected { get; init; }
}

/// <summary>One biomarker test.</summary>
public sealed record BiomarkerTest
{
    /// <summary>The gene tested.</summary>
    public required Gene Gene { get; init; }

    /// <summary>The method.</summary>
    public required TestMethod Method { get; init; }

    /// <summary>The specimen.</summary>
    public Sample? Sample { get; init; }

    /// <summary>IHC clone (wire name <c>clone</c>; records may not have a member called Clone).</summary>
    [JsonPropertyName("clone")]
    public Clone? IhcClone { get; init; }

    /// <summary>The laboratory's call, if reported.</summary>
    public TestResult? Result { get; init; }

    /// <summary>Diagnosis (default) or progression.</summary>
    public TestTiming? Timing { get; init; }

    /// <summary>IHC staining intensity 0–3 (may replace <see cref="Result"/>).</summary>
    public int? Intensity { get; init; }

    /// <summary>IHC percentage of stained tumour cells, 0–100.</summary>
    public double? PercentStainedCells { get; init; }

    /// <summary>FISH percentage of rearranged (split or isolated 3') nuclei, 0–100.</summary>
    public double? PercentRearrangedCells { get; init; }

    /// <summary>FISH number of evaluable nuclei scored.</summary>
    public int? CellsScored { get; init; }

    /// <summary>PD-L1 tumour proportion score, 0–100.</summary>
    public double? Tps { get; init; }

    /// <summary>Fusion partner gene symbol.</summary>
    public string? FusionPartner { get; init; }

    /// <summary>EML4-ALK variant (e.g. v1, v3a).</summary>
    public string? Variant { get; init; }

    /// <summary>Kinase-domain mutations, normalised to one-letter protein changes (G1202R).</summary>
    public IReadOnlyList<string> Mutations { get; init; } = [];

    /// <summary>Off-target alterations at progression (contract list).</summary>
    public IReadOnlyList<string> Alterations { get; init; } = [];

    /// <summary>Date of the test as given (free text, ISO dates preferred).</summary>
    public string? Date { get; init; }

    /// <summary>The effective timing (diagnosis when not given).</summary>
    [JsonIgnore]
    public TestTiming EffectiveTiming => Timing ?? TestTiming.Diagnosis;
}

/// <summary>Extent of disease.</summary>
public sealed record Disease
{
    /// <summary>Brain metastases, when described.</summary>
    public BrainMetastases? BrainMetastases { get; init; }

    /// <summary>Metastatic sites.</summary>
    public IReadOnlyList<MetastaticSite> Sites { get; init; } = [];

    /// <summary>All distinct metastatic lesions, brain included.</summary>
    public int? LesionCount { get; init; }

    /// <summary>Central airway obstruction.</summary>
    public bool? CentralAirwayObstruction { get; init; }
}

/// <summary>Brain metastases.</summary>
public sealed record BrainMetastases
{
    /// <summary>Present or not.</summary>
    public bool? Present { get; init; }

    /// <summary>Number of lesions.</summary>
    public int? Count { get; init; }

    /// <summary>Neurological symptoms attributable to the lesions.</summary>
    public bool? Symptomatic { get; init; }

    /// <summary>Largest lesion diameter in millimetres.</summary>
    public double? LargestMm { get; init; }

    /// <summary>Mass effect on imaging.</summary>
    public bool? MassEffect { get; init; }

    /// <summary>Leptomeningeal disease.</summary>
    public bool? Leptomeningeal { get; init; }
}

/// <summary>One systemic therapy in the history.</summary>
public sealed record HistoryEntry
{
    /// <summary>The therapy.</summary>
    public required Therapy Therapy { get; init; }

    /// <summary>Start (free text, YYYY-MM or YYYY-MM-DD preferred).</summary>
    public string? Start { get; init; }

    /// <summary>End (free text); absent while the therapy continues.</summary>
    public string? End { get; init; }

    /// <summary>Why it stopped.</summary>
    public StopReason? StopReason { get; init; }

    /// <summary>How the disease progressed, when it did.</summary>
    public ProgressionPattern? ProgressionPattern { get; init; }
}

/// <summary>An adverse event.</summary>
public sealed record AdverseEvent
{
    /// <summary>The therapy it is attributed to, when known.</summary>
    public Therapy? Therapy { get; init; }

    /// <summary>The event.</summary>
    public required AdverseEventCode Event { get; init; }

    /// <summary>CTCAE grade 1–5.</summary>
    public required int Grade { get; init; }
}

/// <summary>The site's region and drug availability.</summary>
public sealed record CaseContext
{
    /// <summary>Which approvals apply (null: not stated).</summary>
    public Region? Region { get; init; }

    /// <summary>When given, the complete list of therapies the site can obtain.</summary>
    public IReadOnlyList<Therapy>? Available { get; init; }

    /// <summary>Therapies the site cannot obtain.</summary>
    public IReadOnlyList<Therapy> Unavailable { get; init; } = [];
}
