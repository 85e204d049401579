using FusionGuide.Domain;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Fhir;

/// <summary>What reading FHIR resources into a case produced.</summary>
/// <param name="Case">The case, or null when required data was unusable (see <paramref name="Problems"/>).</param>
/// <param name="Problems">Required data that could not be used, each with the FHIR path at fault.</param>
/// <param name="Warnings">Facts that were skipped or read with an assumption, each with its FHIR path; pass them to the engine as notices.</param>
public sealed record FhirMapping(Case? Case, IReadOnlyList<Problem> Problems, IReadOnlyList<InputNotice> Warnings)
{
    /// <summary>True when the case can be evaluated.</summary>
    public bool IsValid => Case is not null && Problems.Count == 0;

    /// <summary>
    /// Why the record is outside FusionGuide's scope — no non-small cell lung cancer on record (no cancer, or a primary
    /// cancer of another site) — or null when it is in scope. An out-of-scope record gets no advice: the case is
    /// still read (for a reader's inspection), but no result should be produced from it.
    /// </summary>
    public string? OutOfScope { get; init; }
}

/// <summary>How to read FHIR into a case: the evaluation date and the site's context, which FHIR does not carry.</summary>
/// <remarks>
/// The evaluation date is an input (never the clock): the patient's age is computed at it, and a test dated after the
/// start of a systemic therapy is read as a test at progression.
/// </remarks>
public sealed record FhirMappingOptions
{
    /// <summary>The evaluation date.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The site's region (which approvals apply); null when not stated.</summary>
    public Region? Region { get; init; }

    /// <summary>Therapies the site cannot obtain.</summary>
    public IReadOnlyList<Therapy> Unavailable { get; init; } = [];

    /// <summary>When given, the complete list of therapies the site can obtain.</summary>
    public IReadOnlyList<Therapy>? Available { get; init; }

    /// <summary>The case id; the Patient's id when null.</summary>
    public string? CaseId { get; init; }
}
