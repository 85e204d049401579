using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FusionGuide.Domain;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Knowledge.Medications;

/// <summary>What loading the medication-code table produced: the table when valid, and every problem found.</summary>
public sealed record MedicationCodeLoadResult(MedicationCodeTable? Table, IReadOnlyList<KnowledgeProblem> Problems);

/// <summary>
/// Loads knowledge/medication-codes/rxnorm.json (wire DTO → <see cref="MedicationCodeValidator"/> → compiled table),
/// on first use only: the FHIR reader and the CDS Hooks order check need it, the command-line <c>recommend</c> does not,
/// so the knowledge base's own load never compiles it. The table is the one of the release the base was loaded from
/// (<see cref="KnowledgeLoader"/> attaches it): a folder given to <c>--knowledge</c> brings its own, so a knowledge update
/// can change medication codes; the embedded release's is embedded apart from the knowledge archive, compressed.
/// </summary>
public static class MedicationCodeLoader
{
    private const string Resource = "medication-codes.zip";

    /// <summary>Where the table lives in a knowledge folder.</summary>
    public const string RelativePath = MedicationCodeValidator.File;

    // The table of each knowledge base instance (its names are checked against that base), built on first use from the
    // bytes its loader attached; Lazy drops the bytes once the table is built.
    private static readonly ConditionalWeakTable<KnowledgeBase, Lazy<MedicationCodeLoadResult>> Tables = [];

    /// <summary>
    /// The loader's note of where <paramref name="kb"/>'s table comes from: the release's own file, the embedded copy, or
    /// nothing (<paramref name="source"/> returns null: a folder without the table).
    /// </summary>
    internal static void Attach(KnowledgeBase kb, Func<byte[]?> source) =>
        Tables.AddOrUpdate(kb, new Lazy<MedicationCodeLoadResult>(() => source() is { } bytes ? Load(bytes, kb) : Missing()));

    /// <summary>
    /// The table of the release <paramref name="kb"/> was loaded from, checked against it (built once per base, on first
    /// use), with every problem found; <c>kb validate</c> and <c>--knowledge</c> refuse a release with any.
    /// </summary>
    public static MedicationCodeLoadResult Check(KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(kb);
        return Tables.TryGetValue(kb, out var table) ? table.Value : Missing();
    }

    /// <summary>The table of the release <paramref name="kb"/> was loaded from; throws when it is missing or invalid.</summary>
    public static MedicationCodeTable For(KnowledgeBase kb)
    {
        var result = Check(kb);
        return result.Table ?? throw new KnowledgeBaseException(result.Problems);
    }

    // Never another release's table in its place: codes read against the wrong release would be silently wrong.
    private static MedicationCodeLoadResult Missing() => new(null, [new KnowledgeProblem(KnowledgeCodes.MissingRequired, RelativePath,
        "the release has no RxNorm medication-code table: the FHIR reader and CDS Hooks read medication codes from the release they were loaded with")]);

    /// <summary>The embedded file's bytes.</summary>
    public static byte[] EmbeddedBytes()
    {
        using var archive = new ZipArchive(typeof(MedicationCodeLoader).Assembly.GetManifestResourceStream(Resource)!, ZipArchiveMode.Read);
        var entry = archive.Entries.Single(e => e.FullName.EndsWith("rxnorm.json", StringComparison.Ordinal));
        using var s = entry.Open();
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Reads, validates against <paramref name="kb"/> and compiles the table in <paramref name="bytes"/>.</summary>
    public static MedicationCodeLoadResult Load(byte[] bytes, KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(kb);
        WireMedicationCodes? wire;
        try
        {
            wire = JsonSerializer.Deserialize(bytes, MedicationCodeJsonContext.Default.WireMedicationCodes);
        }
        catch (JsonException ex)
        {
            return new(null, [new KnowledgeProblem(KnowledgeCodes.Unreadable, MedicationCodeValidator.File, ex.Message)]);
        }

        if (wire is null)
        {
            return new(null, [new KnowledgeProblem(KnowledgeCodes.Unreadable, MedicationCodeValidator.File, "the file holds null")]);
        }

        var problems = new List<KnowledgeProblem>();
        MedicationCodeValidator.Validate(wire, kb, problems);
        return problems.Count > 0 ? new(null, problems) : new(Compile(wire, kb), problems);
    }

    /// <summary>Terms → enums, names → the knowledge base's therapies; a code under several ingredients holds them all.</summary>
    private static MedicationCodeTable Compile(WireMedicationCodes wire, KnowledgeBase kb)
    {
        var ingredients = wire.Ingredients.Select(i => new MedicationIngredient(
            i.Name,
            i.AnticancerClass is { } ac ? MedicationTerms.Anticancer.Parse(ac) : null,
            Codes.Therapy.TryParse(i.Name, out var t) && kb.HasDrug(t) ? t : null)).ToList();
        var byName = ingredients.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var concepts = new Dictionary<string, (WireCode Code, List<MedicationIngredient> Of)>(StringComparer.Ordinal);
        foreach (var i in wire.Ingredients)
        {
            foreach (var c in i.Codes)
            {
                if (!concepts.TryGetValue(c.Code, out var entry))
                {
                    entry = (c, []);
                    concepts[c.Code] = entry;
                }

                entry.Of.Add(byName[i.Name]);
            }
        }

        var all = concepts.Values.Select(v => Concept(v.Code, v.Of))
            .Concat(wire.NotToBeConfused.Select(c => new RxNormConcept(c.Code, TermType(c.Tty), c.Display, [], c.Verified == true)))
            .ToList();
        return new MedicationCodeTable(wire.RxnormVersionSeen, ingredients, all);
    }

    private static RxNormConcept Concept(WireCode c, List<MedicationIngredient> of) =>
        new(c.Code, TermType(c.Tty), c.Display, of, c.Verified == true);

    private static RxNormTermType? TermType(string? tty) => tty is null ? null : MedicationTerms.TermType.Parse(tty);
}
