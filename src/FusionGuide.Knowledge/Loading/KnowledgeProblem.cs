namespace FusionGuide.Knowledge.Loading;

/// <summary>A problem in the knowledge base, with a permanent code.</summary>
/// <param name="Code">Permanent code (see <see cref="KnowledgeCodes"/>).</param>
/// <param name="File">The file at fault, relative to the knowledge folder.</param>
/// <param name="Message">What is wrong.</param>
public sealed record KnowledgeProblem(string Code, string File, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code} {File}: {Message}";
}

/// <summary>Permanent problem codes. Never renumber; add new codes at the end.</summary>
public static class KnowledgeCodes
{
    /// <summary>A file is not valid JSON or does not have the record's shape.</summary>
    public const string Unreadable = "KB001";
    /// <summary>Two records share an id.</summary>
    public const string DuplicateId = "KB002";
    /// <summary>A source or reference id names no reference.</summary>
    public const string DanglingReference = "KB003";
    /// <summary>A targeted drug has no dose or no reduction ladder.</summary>
    public const string DrugWithoutDose = "KB004";
    /// <summary>A vocabulary field holds a term outside its closed list.</summary>
    public const string UnknownTerm = "KB005";
    /// <summary>A record or rule cites no source.</summary>
    public const string WithoutSource = "KB006";
    /// <summary>An unverified fact does not say what is missing.</summary>
    public const string UnverifiedWithoutNote = "KB007";
    /// <summary>A file's name is not its record's id.</summary>
    public const string IdNotFileName = "KB008";
    /// <summary>A date is not an ISO date, or a validity range is empty.</summary>
    public const string BadDate = "KB009";
    /// <summary>Something the engine needs (a threshold, a rule entry, a drug) is missing.</summary>
    public const string MissingRequired = "KB010";
    /// <summary>A resistance cell cites no source.</summary>
    public const string CellWithoutSource = "KB011";
    /// <summary>manifest.json is missing or invalid.</summary>
    public const string BadManifest = "KB012";
    /// <summary>A JSON file stands outside the known folders.</summary>
    public const string UnknownFile = "KB013";
    /// <summary>Two versions of the same fact are in force on the same day.</summary>
    public const string OverlappingValidity = "KB014";
    /// <summary>An id does not follow the id convention.</summary>
    public const string BadId = "KB015";
    /// <summary>Evidence on a fact is incomplete (no locator, no paraphrase, no address) or too thin for its level.</summary>
    public const string WeakEvidence = "KB016";
    /// <summary>A fact counted as verified records no evidence of where it was read.</summary>
    public const string VerifiedWithoutEvidence = "KB017";
    /// <summary>A fact contradicts itself (a toxicity rule resuming at a reduced dose without reducing it).</summary>
    public const string SelfContradiction = "KB018";
    /// <summary>A verified reference gives no address, DOI or PMID a reader can follow.</summary>
    public const string UnresolvableReference = "KB019";
    /// <summary>A disputed block with fewer than two positions, or a position without evidence (docs/knowledge-format.md).</summary>
    public const string BadDispute = "KB020";
    /// <summary>
    /// The knowledge image embedded at build time is unreadable, or was built from other knowledge than the program was
    /// built with (its hash differs): a build fault, never a silent fall-back to another copy (docs/performance.md).
    /// </summary>
    public const string ImageMismatch = "KB021";
}

/// <summary>Thrown when a knowledge base fails validation: a broken knowledge base never answers a case.</summary>
public sealed class KnowledgeBaseException(IReadOnlyList<KnowledgeProblem> problems)
    : Exception($"The knowledge base has {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(50))}")
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<KnowledgeProblem> Problems { get; } = problems;
}
