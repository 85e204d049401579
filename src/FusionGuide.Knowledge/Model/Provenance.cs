namespace FusionGuide.Knowledge.Model;

/// <summary>
/// How a fact was established, composed into every fact: the references it rests on and how it was checked. A fact
/// is verified only when its value was read in a primary source (or in two independent secondary sources) and that
/// reading is recorded in <see cref="Evidence"/>; the validator refuses a verified fact without evidence (format 2).
/// </summary>
/// <param name="Sources">Reference ids the fact rests on (a preference-table entry's <c>references</c>).</param>
/// <param name="Verified">False when the fact was not confirmed (the file says <c>verified: false</c>).</param>
/// <param name="VerificationNote">What is missing, or what was searched, when not verified.</param>
/// <param name="Evidence">Where the value was read: one item per source passage.</param>
/// <param name="EvidenceLevel">Primary, or secondary (two independent secondary sources); null when the file does not say (primary).</param>
/// <param name="Notes">Reviewer notes.</param>
public sealed record Provenance(IReadOnlyList<string> Sources, bool Verified, string? VerificationNote, IReadOnlyList<Evidence> Evidence, EvidenceLevel? EvidenceLevel, string? Notes)
{
    /// <summary>No sources, verified, no evidence: for the parts of a record that carry no provenance of their own.</summary>
    public static readonly Provenance None = new([], true, null, [], null, null);

    /// <summary>Sources that disagree about the value, with both sides' evidence (the file's <c>disputed</c> block); null when none is recorded.</summary>
    public Dispute? Disputed { get; init; }
}

/// <summary>One reading of a source that supports a fact.</summary>
/// <param name="Reference">Knowledge-base reference id of the source.</param>
/// <param name="Locator">Where in it: label section and table row, paper table or figure, guideline page, clause.</param>
/// <param name="Url">The address of the copy that was read.</param>
/// <param name="Retrieved">The day it was read.</param>
/// <param name="Says">A one-line paraphrase of what it states for this fact (never a copied sentence).</param>
public sealed record Evidence(string Reference, string Locator, string Url, DateOnly Retrieved, string Says);

/// <summary>
/// The days a dated fact (dosing regimen, approval, label rule, guideline table) is in force. The knowledge files write
/// <c>validFrom</c> and <c>validTo</c>; <see cref="From"/> is the first day in force (inclusive) and <see cref="To"/> the
/// first day no longer in force (exclusive), so a fact replaced on a day has <c>validTo</c> equal to its successor's
/// <c>validFrom</c> and exactly one of them is in force on every day. Null means unbounded on that side.
/// </summary>
/// <param name="From">First day in force, or null for "always".</param>
/// <param name="To">First day no longer in force, or null for "still in force".</param>
public readonly record struct Validity(DateOnly? From, DateOnly? To)
{
    /// <summary>True when <paramref name="asOf"/> lies in [From, To).</summary>
    public bool Contains(DateOnly asOf) => (From is not { } from || from <= asOf) && (To is not { } to || asOf < to);

    /// <summary>True when some day lies in both periods.</summary>
    public bool Overlaps(Validity other) =>
        (From ?? DateOnly.MinValue) < (other.To ?? DateOnly.MaxValue) && (other.From ?? DateOnly.MinValue) < (To ?? DateOnly.MaxValue);

    /// <summary>True when the period starts after <paramref name="asOf"/>.</summary>
    public bool StartsAfter(DateOnly asOf) => From is { } from && from > asOf;
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
public sealed record Manifest(string Version, DateOnly ReleaseDate, int ContractVersion, string? Title, int FormatVersion);

/// <summary>An entry of the reference list.</summary>
/// <param name="Id">Stable id (seed-17, crown-5y).</param>
/// <param name="ShortName">Short display name (ALEX-2017).</param>
/// <param name="Kind">Trial, label, guideline …</param>
/// <param name="Citation">Full citation.</param>
/// <param name="Date">
/// Publication, revision or approval date as the file writes it: YYYY-MM-DD, YYYY-MM (only the month is known) or YYYY
/// (only the year). Everything that shows the date (kb show, kb audit, /v1/knowledge, reports, traces) shows this text,
/// never an invented day; the engine compares <see cref="KnownFrom"/>.
/// </param>
/// <param name="SeedNumber">Number in the seed review's list, when it came from there.</param>
/// <param name="Url">Where to read it.</param>
/// <param name="Supersedes">Id of an older revision this one replaces.</param>
/// <param name="Provenance">Whether the citation was confirmed (no sources of its own).</param>
/// <param name="Driver">
/// The kinase a study is about, when declared: a study of the other kinase is never cited for a case, even where a
/// record of this kinase rests on it (a ROS1 paper's remark about ALK G1202R). Undeclared, the kinase is inferred from
/// the records that cite it (KnowledgeBase.OfOtherKinase).
/// </param>
public sealed record Reference(string Id, string? ShortName, ReferenceKind Kind, string Citation, string? Date, int? SeedNumber, string? Url, string? Supersedes, Provenance Provenance, Domain.Gene? Driver = null)
{
    /// <summary>How precisely <see cref="Date"/> is known: the day, the month or the year (Day when undated).</summary>
    public DatePrecision DatePrecision { get; init; } = DatePrecision.Day;

    /// <summary>
    /// The first day the source is certainly published: the day written; for a month, the first day of the next month;
    /// for a year, 1 January of the next year. A finding resting on it is applied only from then (SYS-DATE-001), because
    /// counting "2025" from 1 January would apply it up to a year before it may have existed. Null when undated.
    /// </summary>
    public DateOnly? KnownFrom { get; init; }

    /// <summary>
    /// The first day of the period written (the day; the 1st of the month; 1 January): the earliest the source may have
    /// appeared, never shown as its date. A guideline table starts no earlier than this (KnowledgeCompiler.Regimen).
    /// </summary>
    public DateOnly? EarliestDay { get; init; }

    /// <summary>The date in prose after "published": "2025-06-12", "2025-06" (month known), "in 2025" (year known); null when undated.</summary>
    public string? Published => Date is null ? null : DatePrecision == DatePrecision.Year ? $"in {Date}" : Date;

    /// <summary>
    /// The short name as a reader sees it in prose: without the curation marks the record keeps ("TRIDENT-1 (dup)" →
    /// "TRIDENT-1", "Passiglia-2023-ESMO?" → "Passiglia-2023-ESMO"); the report's reference list does the same.
    /// </summary>
    public string? Label => ShortName is null ? null : Readable(ShortName);

    private static string Readable(string shortName)
    {
        var label = shortName.Trim();
        if (label.EndsWith("(dup)", StringComparison.OrdinalIgnoreCase))
        {
            label = label[..^"(dup)".Length].TrimEnd();
        }

        return label.TrimEnd('?').TrimEnd();
    }
}

/// <summary>A numeric threshold (FISH cut-offs, lesion counts) with its source.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Meaning">What it means and how the engine uses it (inclusive or exclusive).</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record Threshold(string Id, double Value, string? Unit, string Meaning, Provenance Provenance);

/// <summary>The catalogue entry of an engine rule: what it does and what it rests on.</summary>
/// <param name="Id">Rule id (DX-FISH-001).</param>
/// <param name="Stage">Engine stage.</param>
/// <param name="Title">What the rule does.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record RuleInfo(string Id, string Stage, string Title, Provenance Provenance)
{
    /// <summary>
    /// The rule applies each case's own knowledge record (a drug's dosing, a label's toxicity row, its monitoring): its
    /// trace entry cites the records it read for the case, and the catalogue's sources are only examples of such
    /// records — citing lorlatinib's label beside an alectinib toxicity row would send a reviewer to the wrong label.
    /// </summary>
    public bool CitesRecordsRead { get; init; }
}

/// <summary>A driver gene of the testing panel and how a negative result for it is established.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Gene">Gene.</param>
/// <param name="Alteration">Fusion or mutation.</param>
/// <param name="AdequateNegativeMethods">Methods whose adequate negative result rules the driver out.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record PanelGene(string Id, Domain.Gene Gene, PanelAlteration Alteration, IReadOnlyList<Domain.TestMethod> AdequateNegativeMethods, Provenance Provenance)
{
    /// <summary>
    /// For a fusion gene, the partners whose detection by DNA NGS predicts an expressed fusion (upper case); a DNA-only
    /// result with another partner needs RNA or protein confirmation (DX-PARTNER-002). Null when the release names none.
    /// </summary>
    public CanonicalFusionPartners? CanonicalPartners { get; init; }
}

/// <summary>The canonical partners of a fusion gene, with the sources that define them.</summary>
/// <param name="Partners">Partner gene symbols, upper case.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record CanonicalFusionPartners(IReadOnlyList<string> Partners, Provenance Provenance)
{
    /// <summary>Whether <paramref name="partner"/> (a case's gene symbol, validated upper case) is one of the canonical partners.</summary>
    public bool Includes(string partner) => Partners.Contains(partner, StringComparer.Ordinal);
}

/// <summary>A named trial with its results.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Trial name.</param>
/// <param name="Drug">Therapy studied.</param>
/// <param name="Comparator">Comparator.</param>
/// <param name="Driver">The kinase of the population (ALK or ROS1): its figures are never quoted for the other (null only in a format-1 release: never quoted).</param>
/// <param name="Setting">The setting of the population: its figures are quoted only for a case in that setting (null only in a format-1 release: never quoted).</param>
/// <param name="Population">Population.</param>
/// <param name="Results">Results.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record Trial(string Id, string Name, Domain.Therapy? Drug, string? Comparator, Domain.Gene? Driver, TrialSetting? Setting, string? Population, IReadOnlyList<TrialResult> Results, Provenance Provenance)
{
    /// <summary>
    /// The fact id of one of this trial's results, as the audit, the cohort count and the unverified-knowledge trace
    /// write it: <c>trial/endpoint</c>, numbered in file order (<c>alta-1l/IC-PFS-2</c>) when the trial reports that
    /// endpoint more than once (a whole-trial and a subgroup figure, or two analyses), so that no two facts share an id.
    /// </summary>
    public string ResultId(TrialResult result)
    {
        var same = Results.Where(r => r.Endpoint == result.Endpoint).ToList();
        var endpoint = $"{Id}/{result.Endpoint.Code()}";
        return same.Count == 1 ? endpoint : $"{endpoint}-{same.FindIndex(r => ReferenceEquals(r, result)) + 1}";
    }
}

/// <summary>One trial result.</summary>
/// <param name="Endpoint">PFS, OS, ORR …</param>
/// <param name="Value">The result in words and numbers.</param>
/// <param name="Reference">Reference id.</param>
/// <param name="Provenance">Verification.</param>
public sealed record TrialResult(TrialEndpoint Endpoint, string Value, string? Reference, Provenance Provenance);
