namespace FusionGuide.Knowledge.Model;

/// <summary>
/// How a fact was checked: whether it is verified and the evidence a reviewer can follow. A fact is verified only
/// when the value was read in a primary source (or in two independent secondary sources) and that reading is
/// recorded in <see cref="Evidence"/>; the validator refuses a verified fact without evidence.
/// </summary>
public interface IEvidenced
{
    /// <summary>False when the fact was not confirmed; then <see cref="VerificationNote"/> says what was searched.</summary>
    bool? Verified { get; }

    /// <summary>What is missing, or what was searched, when <see cref="Verified"/> is false.</summary>
    string? VerificationNote { get; }

    /// <summary>Where the value was read: one item per source passage.</summary>
    IReadOnlyList<Evidence> Evidence { get; }

    /// <summary><c>primary</c> (default) or <c>secondary</c> (two independent secondary sources).</summary>
    string? EvidenceLevel { get; }
}

/// <summary>One reading of a source that supports a fact.</summary>
/// <param name="Reference">Knowledge-base reference id of the source.</param>
/// <param name="Locator">Where in it: label section and table row, paper table or figure, guideline page, clause.</param>
/// <param name="Url">The address of the copy that was read.</param>
/// <param name="Retrieved">The day it was read (YYYY-MM-DD).</param>
/// <param name="Says">A one-line paraphrase of what it states for this fact (never a copied sentence).</param>
public sealed record Evidence(string Reference, string Locator, string Url, string Retrieved, string Says);

/// <summary>Fields every sourced knowledge record carries.</summary>
public interface ISourced : IEvidenced
{
    /// <summary>Stable id.</summary>
    string Id { get; }

    /// <summary>Reference ids the fact rests on.</summary>
    IReadOnlyList<string> Sources { get; }

}

/// <summary>A fact that holds between two dates (inclusive from, exclusive to).</summary>
public interface IDated
{
    /// <summary>First day in force (ISO date), or null for "always".</summary>
    string? ValidFrom { get; }

    /// <summary>First day no longer in force (ISO date), or null for "still in force".</summary>
    string? ValidTo { get; }
}

/// <summary>The knowledge-base release stamp.</summary>
/// <param name="Version">Knowledge-base version (2026.12.0).</param>
/// <param name="ReleaseDate">Release date, the default evaluation date.</param>
/// <param name="ContractVersion">The contract version the base is written for.</param>
/// <param name="Title">Display title.</param>
/// <param name="FormatVersion">
/// The knowledge format: 1 (absent) for releases before 2026.12.0; 2 requires every fact to be verified with evidence
/// or unverified with a note (KB017), so older releases stay loadable for <c>kb diff</c>.
/// </param>
public sealed record Manifest(string Version, string ReleaseDate, int ContractVersion, string? Title = null, int? FormatVersion = null);

/// <summary>An entry of the reference list.</summary>
public sealed record Reference : IEvidenced
{
    /// <summary>Stable id (seed-17, crown-5y).</summary>
    public required string Id { get; init; }
    /// <summary>Short display name (ALEX-2017).</summary>
    public string? ShortName { get; init; }
    /// <summary>trial, label, guideline, review, study, regulatory, other.</summary>
    public required string Kind { get; init; }
    /// <summary>Full citation.</summary>
    public required string Citation { get; init; }
    /// <summary>Publication, revision or approval date.</summary>
    public string? Date { get; init; }
    /// <summary>Number in the seed review's list, when it came from there.</summary>
    public int? SeedNumber { get; init; }
    /// <summary>Where to read it.</summary>
    public string? Url { get; init; }
    /// <summary>Id of an older revision this one replaces.</summary>
    public string? Supersedes { get; init; }
    /// <summary>False when the citation could not be confirmed.</summary>
    public bool? Verified { get; init; }
    /// <summary>What could not be confirmed.</summary>
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>A drug or other systemic therapy.</summary>
public sealed record Drug : ISourced
{
    /// <inheritdoc />
    public required string Id { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary>Brand names.</summary>
    public IReadOnlyList<string> Brands { get => field ?? []; init; }
    /// <summary>targeted or other.</summary>
    public required string Kind { get; init; }
    /// <summary>Kinases targeted (ALK, ROS1).</summary>
    public IReadOnlyList<string> Targets { get => field ?? []; init; }
    /// <summary>TKI generation.</summary>
    public int? Generation { get; init; }
    /// <summary>Intracranial activity.</summary>
    public CnsActivity? Cns { get; init; }
    /// <summary>Regulatory approvals by region.</summary>
    public IReadOnlyList<Approval> Approvals { get => field ?? []; init; }
    /// <summary>Dosing regimens (more than one only when a label changed it).</summary>
    public IReadOnlyList<DosingRegimen> Dosing { get => field ?? []; init; }
    /// <summary>Organ-function dose adjustments.</summary>
    public IReadOnlyList<OrganAdjustment> OrganAdjustments { get => field ?? []; init; }
    /// <summary>Monitoring the label asks for.</summary>
    public IReadOnlyList<MonitoringItem> Monitoring { get => field ?? []; init; }
    /// <summary>Characteristic toxicities.</summary>
    public IReadOnlyList<string> KeyToxicities { get => field ?? []; init; }
    /// <summary>Comorbidity cautions.</summary>
    public IReadOnlyList<Caution> Cautions { get => field ?? []; init; }
    /// <summary>Where a non-targeted therapy stands in ALK/ROS1 disease.</summary>
    public string? Place { get; init; }
    /// <summary>Histologies it is not used in.</summary>
    public IReadOnlyList<string> NotIn { get => field ?? []; init; }
    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>Intracranial activity of a drug.</summary>
public sealed record CnsActivity : IEvidenced
{
    /// <summary>high, moderate, low.</summary>
    public required string Activity { get; init; }
    /// <summary>1 = best intracranial evidence among drugs for the same target.</summary>
    public int Rank { get; init; }
    /// <summary>Rank per target where a drug's intracranial evidence differs by target (lorlatinib: ALK 1, ROS1 2).</summary>
    public IReadOnlyDictionary<string, int>? RankByTarget { get; init; }
    /// <summary>The evidence in a sentence.</summary>
    public string? Summary { get; init; }
    /// <summary>Reference ids.</summary>
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <summary>False when not confirmed.</summary>
    public bool? Verified { get; init; }
    /// <summary>What is missing.</summary>
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>One regulatory approval (or a recorded absence of one).</summary>
public sealed record Approval : ISourced, IDated
{
    /// <inheritdoc />
    public required string Id { get; init; }
    /// <summary>US, EU, TR, JP, CN.</summary>
    public required string Region { get; init; }
    /// <summary>ALK, ROS1 or null (another indication).</summary>
    public string? Gene { get; init; }
    /// <summary>
    /// first-line, subsequent, advanced (any line of advanced disease, never adjuvant), adjuvant, other-indication;
    /// any only for a status that is not approved (a label always names its setting).
    /// </summary>
    public required string Setting { get; init; }
    /// <summary>approved, not-approved, unknown.</summary>
    public required string Status { get; init; }
    /// <summary>True when the label is limited to patients who have not had an ALK (or ROS1) inhibitor.</summary>
    public bool? NaiveOnly { get; init; }
    /// <summary>Date of the decision or of the source that reports the status.</summary>
    public string? Date { get; init; }
    /// <inheritdoc />
    public string? ValidFrom { get; init; }
    /// <inheritdoc />
    public string? ValidTo { get; init; }
    /// <summary>Indication text.</summary>
    public string? Indication { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>A lead-in phase.</summary>
public sealed record LeadIn(string Text, int Days);

/// <summary>A labelled dosing regimen.</summary>
public sealed record DosingRegimen : ISourced, IDated
{
    /// <inheritdoc />
    public required string Id { get; init; }
    /// <summary>Starting dose in full, including the lead-in.</summary>
    public required string Start { get; init; }
    /// <summary>Lead-in phase, if any.</summary>
    public LeadIn? LeadIn { get; init; }
    /// <summary>Reduction levels in order.</summary>
    public IReadOnlyList<string> Reductions { get => field ?? []; init; }
    /// <summary>What happens after the last level.</summary>
    public string? AfterLastReduction { get; init; }
    /// <summary>Food instruction.</summary>
    public string? Food { get; init; }
    /// <inheritdoc />
    public string? ValidFrom { get; init; }
    /// <inheritdoc />
    public string? ValidTo { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>An organ-function dose adjustment.</summary>
public sealed record OrganAdjustment : ISourced, IDated
{
    /// <inheritdoc />
    public required string Id { get; init; }
    /// <summary>liver-impairment or renal-impairment.</summary>
    public required string Comorbidity { get; init; }
    /// <summary>Which degree of impairment.</summary>
    public string? Criterion { get; init; }
    /// <summary>The adjusted dose.</summary>
    public string? Dose { get; init; }
    /// <summary>The rule in words.</summary>
    public required string Text { get; init; }
    /// <inheritdoc />
    public string? ValidFrom { get; init; }
    /// <inheritdoc />
    public string? ValidTo { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>A monitoring item.</summary>
public sealed record MonitoringItem : ISourced
{
    /// <inheritdoc />
    public required string Id { get; init; }
    /// <summary>What to measure.</summary>
    public required string Item { get; init; }
    /// <summary>When.</summary>
    public required string Schedule { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>A comorbidity caution.</summary>
public sealed record Caution : ISourced
{
    /// <inheritdoc />
    public required string Id { get; init; }
    /// <summary>Contract comorbidity code.</summary>
    public required string Comorbidity { get; init; }
    /// <summary>deprioritise, avoid, warn.</summary>
    public required string Effect { get; init; }
    /// <summary>What to tell the clinician.</summary>
    public required string Message { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}
