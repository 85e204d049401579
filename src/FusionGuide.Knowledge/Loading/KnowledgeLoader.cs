using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FusionGuide.Knowledge.Loading.Wire;

namespace FusionGuide.Knowledge.Loading;

/// <summary>What loading produced: the snapshot when valid, and every problem found.</summary>
public sealed record LoadResult(KnowledgeBase? KnowledgeBase, IReadOnlyList<KnowledgeProblem> Problems, IReadOnlyDictionary<string, int> Counts);

/// <summary>
/// Loads the knowledge base: a folder (or files) in full — read, validated, compiled — or the copy embedded at build
/// time, which the build already validated (<see cref="KnowledgeImage"/>): a start reads its runtime image only.
/// </summary>
public static class KnowledgeLoader
{
    private static readonly Lazy<KnowledgeBase> EmbeddedBase = new(LoadEmbeddedImage);
    private static readonly Lazy<KnowledgeBase> EmbeddedFull = new(() =>
        LoadProvenancePart(Resource(KnowledgeImage.ProvenanceResource), KnowledgeImage.BuiltHash));

    /// <summary>
    /// The embedded knowledge base, loaded once per process from the runtime image (without the provenance text no
    /// answer prints; <see cref="KnowledgeBase.WithProvenance"/> has it); throws when the image does not match the build.
    /// </summary>
    public static KnowledgeBase Embedded => EmbeddedBase.Value;

    /// <summary>The embedded knowledge base with every fact's full provenance (the provenance part), loaded once, on first use.</summary>
    public static KnowledgeBase EmbeddedWithProvenance => EmbeddedFull.Value;

    /// <summary>
    /// Reads the embedded runtime image afresh (what a start does; <c>bench --cold-start</c> times it). Throws
    /// <see cref="KnowledgeBaseException"/> (KB021) when it does not match the knowledge the program was built with.
    /// </summary>
    public static KnowledgeBase LoadEmbeddedImage() =>
        LoadImage(Resource(KnowledgeImage.RuntimeResource), () => EmbeddedFull.Value, KnowledgeImage.BuiltHash);

    /// <summary>
    /// Reads a runtime image (<see cref="KnowledgeImage"/>): checked against <paramref name="expectedHash"/>, compiled,
    /// not validated again (the build did); <paramref name="withProvenance"/> is called on the first
    /// <see cref="KnowledgeBase.WithProvenance"/>, never before. Throws <see cref="KnowledgeBaseException"/> (KB021) on a mismatch.
    /// </summary>
    public static KnowledgeBase LoadImage(ReadOnlySpan<byte> image, Func<KnowledgeBase> withProvenance, string? expectedHash) =>
        FromContent(KnowledgeImage.ReadRuntime(image, expectedHash), new Lazy<KnowledgeBase>(withProvenance));

    /// <summary>Reads a provenance part (every field), checked against <paramref name="expectedHash"/> and compiled, not validated again.</summary>
    public static KnowledgeBase LoadProvenancePart(ReadOnlySpan<byte> part, string? expectedHash) =>
        FromContent(KnowledgeImage.ReadProvenance(part, expectedHash), null);

    /// <summary>
    /// The embedded copy, validated again in full from its provenance part (for <c>kb validate</c> and <c>kb audit</c>
    /// without a folder): the cross-record checks, the counts, the compiled base with every fact's provenance.
    /// </summary>
    public static LoadResult LoadEmbedded()
    {
        WireContent content;
        try
        {
            content = KnowledgeImage.ReadProvenance(Resource(KnowledgeImage.ProvenanceResource), KnowledgeImage.BuiltHash);
        }
        catch (KnowledgeBaseException ex)
        {
            return new LoadResult(null, ex.Problems, new Dictionary<string, int>());
        }

        var problems = new List<KnowledgeProblem>();
        KnowledgeValidator.Validate(content, problems);
        // The embedded archive leaves the RxNorm table out (it is embedded apart, compressed): the base gets that copy.
        return new LoadResult(problems.Count == 0 ? FromContent(content, null) : null, problems, Counts(content));
    }

    /// <summary>
    /// Compiles validated content (the embedded parts) with the embedded RxNorm table; <paramref name="provenance"/>
    /// is the base with full provenance when this content lacks it.
    /// </summary>
    private static KnowledgeBase FromContent(WireContent content, Lazy<KnowledgeBase>? provenance)
    {
        var kb = KnowledgeCompiler.Compile(content, provenance);
        Medications.MedicationCodeLoader.Attach(kb, Medications.MedicationCodeLoader.EmbeddedBytes);
        return kb;
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(KnowledgeLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new KnowledgeBaseException([new KnowledgeProblem(KnowledgeCodes.ImageMismatch, name, "the program was built without its knowledge image")]);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Loads a knowledge folder from disk (for <c>kb validate DIR</c> and release comparisons).</summary>
    public static LoadResult LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return new LoadResult(null, [new KnowledgeProblem(KnowledgeCodes.BadManifest, directory, "no such folder")], new Dictionary<string, int>());
        }

        var files = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal);
        return Load(files);
    }

    /// <summary>
    /// Loads from (relative path, bytes) pairs. The RxNorm table among them (medication-codes/rxnorm.json) is kept
    /// with the base, unread, for the FHIR path (<see cref="Medications.MedicationCodeLoader"/>).
    /// </summary>
    public static LoadResult Load(IEnumerable<(string Path, byte[] Bytes)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        byte[]? medicationCodes = null;
        var problems = new List<KnowledgeProblem>();
        var reader = new FileReader(problems);
        Manifest? manifest = null;
        var refs = new List<Reference>();
        var drugs = new List<Drug>();
        var tox = new List<ToxicityTable>();
        var classes = new List<InteractionClass>();
        var drugInteractions = new List<DrugInteractions>();
        var resistance = new List<ResistanceRow>();
        var offTarget = new List<OffTargetMechanism>();
        var regimens = new List<Regimen>();
        var trials = new List<Trial>();
        var thresholds = new List<Threshold>();
        var rules = new List<RuleInfo>();
        var panel = new List<PanelGene>();
        var pathways = new List<CarePathway>();
        var comedications = new List<Comedication>();
        var reproductive = new List<ReproductiveFacts>();
        var ctx = KnowledgeJsonContext.Default;

        foreach (var (path, bytes) in files)
        {
            var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
            switch (folder)
            {
                case "" when path == "manifest.json": manifest = reader.Read(path, bytes, ctx.Manifest); break;
                case "references": reader.Add(refs, path, bytes, ctx.Reference, r => r.Id); break;
                case "drugs": reader.Add(drugs, path, bytes, ctx.Drug, r => r.Id); break;
                case "toxicity": reader.Add(tox, path, bytes, ctx.ToxicityTable, r => r.Id); break;
                case "interactions/classes": reader.Add(classes, path, bytes, ctx.InteractionClass, r => r.Id); break;
                case "interactions/drugs": reader.Add(drugInteractions, path, bytes, ctx.DrugInteractions, r => r.Id); break;
                case "interactions/comedications": reader.Add(comedications, path, bytes, ctx.Comedication, r => r.Id); break;
                case "resistance/mutations": reader.Add(resistance, path, bytes, ctx.ResistanceRow, r => r.Id); break;
                case "resistance/off-target": reader.Add(offTarget, path, bytes, ctx.OffTargetMechanism, r => r.Id); break;
                case "regimens": reader.Add(regimens, path, bytes, ctx.Regimen, r => r.Id); break;
                case "trials": reader.Add(trials, path, bytes, ctx.Trial, r => r.Id); break;
                case "thresholds": reader.Add(thresholds, path, bytes, ctx.Threshold, r => r.Id); break;
                case "rules": reader.Add(rules, path, bytes, ctx.RuleInfo, r => r.Id); break;
                case "diagnostics/panel": reader.Add(panel, path, bytes, ctx.PanelGene, r => r.Id); break;
                case "local": reader.Add(pathways, path, bytes, ctx.CarePathway, r => r.Id); break;
                case "reproductive": reader.Add(reproductive, path, bytes, ctx.ReproductiveFacts, r => r.Id); break;
                case "medication-codes" when path == Medications.MedicationCodeLoader.RelativePath: medicationCodes = bytes; break; // read on first use, by the FHIR path
                case "medication-codes": problems.Add(new(KnowledgeCodes.UnknownFile, path, $"the medication-codes folder holds only {Medications.MedicationCodeLoader.RelativePath}")); break;
                default: problems.Add(new(KnowledgeCodes.UnknownFile, path, "a JSON file outside the knowledge folders (see docs/knowledge-format.md)")); break;
            }
        }

        if (manifest is null)
        {
            problems.Add(new(KnowledgeCodes.BadManifest, "manifest.json", "missing or unreadable"));
        }

        var content = manifest is null ? null : new WireContent(manifest, [.. refs.OrderBy(r => r.Id, StringComparer.Ordinal)], drugs, tox, classes,
            drugInteractions, resistance, offTarget, regimens, trials, thresholds, rules, panel, pathways, comedications, reproductive);
        if (content is not null)
        {
            KnowledgeValidator.Validate(content, problems);
        }

        // The cross-record checks first; only a base without problems is compiled into the typed snapshot.
        var kb = problems.Count == 0 && content is not null ? KnowledgeCompiler.Compile(content, null) : null;
        if (kb is not null)
        {
            Medications.MedicationCodeLoader.Attach(kb, () => medicationCodes);
        }

        return new LoadResult(kb, problems, content is null ? new Dictionary<string, int>() : Counts(content));
    }

    private static SortedDictionary<string, int> Counts(WireContent c) => new(StringComparer.Ordinal)
    {
        ["references"] = c.References.Count, ["drugs"] = c.Drugs.Count, ["toxicity tables"] = c.Toxicity.Count,
        ["toxicity rules"] = c.Toxicity.Sum(t => t.Rules.Count), ["interaction classes"] = c.InteractionClasses.Count,
        ["interaction rules"] = c.DrugInteractions.Sum(d => d.Rules.Count), ["resistance rows"] = c.Resistance.Count,
        ["resistance cells"] = c.Resistance.Sum(r => r.Cells.Count), ["off-target mechanisms"] = c.OffTarget.Count,
        ["regimens"] = c.Regimens.Count, ["trials"] = c.Trials.Count, ["thresholds"] = c.Thresholds.Count,
        ["rules"] = c.Rules.Count, ["panel genes"] = c.Panel.Count, ["care pathways"] = c.CarePathways.Count, ["co-medications"] = c.Comedications.Count,
        ["reproductive lines"] = c.Reproductive.Sum(r => r.Facts.Count),
    };

    private sealed class FileReader(List<KnowledgeProblem> problems)
    {
        public T? Read<T>(string path, byte[] bytes, JsonTypeInfo<T> type) where T : class
        {
            try
            {
                var value = JsonSerializer.Deserialize(bytes, type);
                if (value is null)
                {
                    problems.Add(new(KnowledgeCodes.Unreadable, path, "the file holds null"));
                }

                return value;
            }
            catch (JsonException ex)
            {
                problems.Add(new(KnowledgeCodes.Unreadable, path, ex.Message));
                return null;
            }
        }

        public void Add<T>(List<T> list, string path, byte[] bytes, JsonTypeInfo<T> type, Func<T, string> id) where T : class
        {
            var value = Read(path, bytes, type);
            if (value is null)
            {
                return;
            }

            var expected = path[(path.LastIndexOf('/') + 1)..^".json".Length];
            if (id(value) != expected)
            {
                problems.Add(new(KnowledgeCodes.IdNotFileName, path, $"id '{id(value)}' is not the file name '{expected}'"));
            }

            list.Add(value);
        }
    }
}
