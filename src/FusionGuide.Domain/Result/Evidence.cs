namespace FusionGuide.Domain;

/// <summary>
/// One entry of the result's evidence section (project extension, <c>evidence</c>; issue #20 item 7): a trial, a
/// guideline table or a drug's intracranial data, with the population it applies to and its figures, listed once
/// however many options cite it. Only evidence of the case's driver and setting is listed; the options' rationales say
/// why each option fits this patient and leave the figures here.
/// </summary>
public sealed record EvidenceEntry
{
    /// <summary>The reference id the figures are read from (the trial's main publication, the guideline).</summary>
    public required string Reference { get; init; }

    /// <summary>The trial or guideline as a reader knows it ("CROWN", "NCCN-NSCLC-v5.2025").</summary>
    public required string Source { get; init; }

    /// <summary>The population and setting the figures apply to.</summary>
    public required string AppliesTo { get; init; }

    /// <summary>The figures, one result a line ("PFS: …").</summary>
    public required IReadOnlyList<string> Figures { get; init; }

    /// <summary>The options this evidence supports.</summary>
    public required IReadOnlyList<Therapy> Therapies { get; init; }

    /// <summary>Every reference id behind the figures (the first is <see cref="Reference"/>).</summary>
    public required IReadOnlyList<string> References { get; init; }
}
