using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FusionGuide.Knowledge.Loading.Wire;

namespace FusionGuide.Knowledge.Loading;

/// <summary>What loading produced: the snapshot when valid, and every problem found.</summary>
public sealed record LoadResult(KnowledgeBase? KnowledgeBase, IReadOnlyList<KnowledgeProblem> Problems, IReadOnlyDictionary<string, int> Counts);

/// <summary>Loads the knowledge base from the embedded copy or a folder, validates all of it, and builds the snapshot.</summary>
public static class KnowledgeLoader
{
    private const string ArchiveResource = "knowledge.zip";
    private static readonly Lazy<KnowledgeBase> EmbeddedBase = new(() =>
    {
        var result = LoadEmbedded();
        return result.KnowledgeBase ?? throw new KnowledgeBaseException(result.Problems);
    });

    /// <summary>The embedded knowledge base, loaded once per process; throws when it is invalid.</summary>
    public static KnowledgeBase Embedded => EmbeddedBase.Value;

    /// <summary>Loads the copy embedded in this assembly at build time.</summary>
    public static LoadResult LoadEmbedded()
    {
        using var archive = new ZipArchive(typeof(KnowledgeLoader).Assembly.GetManifestResourceStream(ArchiveResource)!, ZipArchiveMode.Read);
        var files = archive.Entries
            .Where(e => e.FullName.EndsWith(".json", StringComparison.Ordinal))
            .Select(e => (Path: e.FullName.Replace('\\', '/'), Entry: e))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => (f.Path, ReadEntry(f.Entry)))
            .ToList();
        // The embedded archive leaves the RxNorm table out (it is embedded apart, compressed): the base gets that copy.
        return Load(files, Medications.MedicationCodeLoader.EmbeddedBytes);
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
    public static LoadResult Load(IEnumerable<(string Path, byte[] Bytes)> files) => Load(files, null);

    private static LoadResult Load(IEnumerable<(string Path, byte[] Bytes)> files, Func<byte[]?>? tableElsewhere)
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

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["references"] = refs.Count, ["drugs"] = drugs.Count, ["toxicity tables"] = tox.Count,
            ["toxicity rules"] = tox.Sum(t => t.Rules.Count), ["interaction classes"] = classes.Count,
            ["interaction rules"] = drugInteractions.Sum(d => d.Rules.Count), ["resistance rows"] = resistance.Count,
            ["resistance cells"] = resistance.Sum(r => r.Cells.Count), ["off-target mechanisms"] = offTarget.Count,
            ["regimens"] = regimens.Count, ["trials"] = trials.Count, ["thresholds"] = thresholds.Count,
            ["rules"] = rules.Count, ["panel genes"] = panel.Count, ["care pathways"] = pathways.Count, ["co-medications"] = comedications.Count,
            ["reproductive lines"] = reproductive.Sum(r => r.Facts.Count),
        };
        // The cross-record checks first; only a base without problems is compiled into the typed snapshot.
        var kb = problems.Count == 0 && content is not null ? KnowledgeCompiler.Compile(content) : null;
        if (kb is not null)
        {
            Func<byte[]?> table = medicationCodes is { } own ? () => own : tableElsewhere ?? (() => null);
            Medications.MedicationCodeLoader.Attach(kb, table);
        }

        return new LoadResult(kb, problems, counts);
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        var bytes = new byte[entry.Length];
        using var s = entry.Open();
        s.ReadExactly(bytes);
        return bytes;
    }

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
