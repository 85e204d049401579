using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using FusionGuide.Knowledge.Audit;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge.Tests;

/// <summary>
/// The knowledge image compiled at build time (KnowledgeImage): a start reads the runtime image, which must compile to
/// the very facts a full load of the folder gives, less the provenance text; the provenance part gives all of it; a
/// stale or tampered part is a load error; the provenance part is read only when asked for.
/// </summary>
public sealed class KnowledgeImageTests
{
    private static readonly Lazy<KnowledgeBase> FolderLoad = new(() => KnowledgeLoader.LoadDirectory(RepoPaths.Knowledge).KnowledgeBase!);

    [Fact]
    public void The_runtime_image_compiles_to_the_facts_of_a_full_load_less_the_provenance_text()
    {
        var image = KnowledgeLoader.LoadEmbeddedImage();
        var stripped = new List<string>();
        AssertSame("kb", Facts(FolderLoad.Value), Facts(image), stripped);
        // The text really was left out: every verification note, evidence list and reviewer note the folder has.
        Assert.Contains(stripped, s => s.EndsWith(".VerificationNote", StringComparison.Ordinal));
        Assert.Contains(stripped, s => s.EndsWith(".Evidence", StringComparison.Ordinal));
        Assert.Contains(stripped, s => s.EndsWith(".Notes", StringComparison.Ordinal));
        Assert.False(image.HasProvenance);
    }

    [Fact]
    public void The_provenance_part_compiles_to_exactly_a_full_load_of_the_folder()
    {
        var full = KnowledgeLoader.EmbeddedWithProvenance;
        var stripped = new List<string>();
        AssertSame("kb", Facts(FolderLoad.Value), Facts(full), stripped, compareProvenanceText: true);
        Assert.Empty(stripped);
        Assert.True(full.HasProvenance);
        Assert.Same(full, full.WithProvenance());
        foreach (var drug in full.Drugs)
        {
            Assert.Equal(KnowledgeRecordJson.Write(FolderLoad.Value, FolderLoad.Value.Drug(drug.Therapy)), KnowledgeRecordJson.Write(full, drug));
        }
    }

    [Fact]
    public void The_embedded_image_was_built_from_the_knowledge_folder()
    {
        var files = EditedKnowledge.Files().Where(f => !f.Path.StartsWith("medication-codes/", StringComparison.Ordinal)).ToList();
        Assert.Equal(KnowledgeImage.Hash(files), KnowledgeImage.BuiltHash);
    }

    [Fact]
    public void An_image_built_from_other_knowledge_is_a_load_error_not_a_fallback()
    {
        var files = EditedKnowledge.Files().Where(f => !f.Path.StartsWith("medication-codes/", StringComparison.Ordinal)).ToList();
        var i = files.FindIndex(f => f.Path == "manifest.json");
        var manifest = JsonNode.Parse(files[i].Bytes)!.AsObject();
        manifest["title"] = "an edited release";
        files[i] = (files[i].Path, Encoding.UTF8.GetBytes(manifest.ToJsonString()));
        var other = KnowledgeImage.Build(files);
        Assert.NotNull(other.Runtime);
        Assert.NotEqual(KnowledgeImage.BuiltHash, other.Hash);

        var ex = Assert.Throws<KnowledgeBaseException>(() => KnowledgeLoader.LoadImage(other.Runtime, () => throw new InvalidOperationException("never"), KnowledgeImage.BuiltHash));
        Assert.Contains(ex.Problems, p => p.Code == KnowledgeCodes.ImageMismatch && p.Message.Contains(other.Hash, StringComparison.Ordinal));
        Assert.Throws<KnowledgeBaseException>(() => KnowledgeLoader.LoadProvenancePart(other.Provenance, KnowledgeImage.BuiltHash));
        // Loaded against its own hash, the same image is fine (the error above is the mismatch, not the bytes).
        Assert.Equal("an edited release", KnowledgeLoader.LoadImage(other.Runtime, () => throw new InvalidOperationException("never"), other.Hash).Manifest.Title);
    }

    [Fact]
    public void A_tampered_or_truncated_image_is_a_load_error()
    {
        var image = EmbeddedBytes(KnowledgeImage.RuntimeResource);
        var text = Encoding.UTF8.GetString(image);
        var hash = KnowledgeImage.BuiltHash!;
        var otherHash = Encoding.UTF8.GetBytes(text.Replace(hash, new string('0', hash.Length), StringComparison.Ordinal));
        var truncated = image[..(image.Length / 2)];
        var unknownField = Encoding.UTF8.GetBytes(text.Replace("\"id\":", "\"idd\":", StringComparison.Ordinal));

        foreach (var bad in new[] { otherHash, truncated, unknownField, Array.Empty<byte>() })
        {
            var ex = Assert.Throws<KnowledgeBaseException>(() => KnowledgeLoader.LoadImage(bad, () => throw new InvalidOperationException("never"), hash));
            Assert.All(ex.Problems, p => Assert.Equal(KnowledgeCodes.ImageMismatch, p.Code));
        }

        // An assembly without a stamped hash accepts no image at all.
        Assert.Throws<KnowledgeBaseException>(() => KnowledgeLoader.LoadImage(image, () => throw new InvalidOperationException("never"), null));
    }

    [Fact]
    public void The_provenance_part_is_read_only_when_provenance_is_asked_for()
    {
        var reads = 0;
        var kb = KnowledgeLoader.LoadImage(EmbeddedBytes(KnowledgeImage.RuntimeResource), () =>
        {
            reads++;
            return KnowledgeLoader.LoadProvenancePart(EmbeddedBytes(KnowledgeImage.ProvenanceResource), KnowledgeImage.BuiltHash);
        }, KnowledgeImage.BuiltHash);

        // What answers read: records, sources, the verified flag, disputes' summaries.
        Assert.NotEmpty(kb.Drugs.SelectMany(d => d.Dosing).Select(d => d.Provenance.Sources));
        Assert.Contains(kb.Resistance.SelectMany(r => r.Cells), c => !c.Provenance.Verified);
        Assert.Contains(kb.Resistance.SelectMany(r => r.Cells), c => c.Provenance.Disputed is { Summary.Length: > 0 });
        Assert.All(kb.Resistance.SelectMany(r => r.Cells), c => Assert.Empty(c.Provenance.Evidence));
        Assert.Equal(0, reads);

        // What prints provenance: the audit and a record written as its file.
        var audit = KnowledgeAudit.Of(kb);
        Assert.Equal(1, reads);
        Assert.Equal(KnowledgeAudit.Of(FolderLoad.Value).Total, audit.Total);
        Assert.Contains("\"evidence\"", KnowledgeRecordJson.Write(kb, kb.Drugs[0]), StringComparison.Ordinal);
        Assert.Same(kb.WithProvenance(), kb.WithProvenance());
        Assert.Equal(1, reads);
    }

    private static byte[] EmbeddedBytes(string resource)
    {
        using var stream = typeof(KnowledgeLoader).Assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // Every collection of typed facts the base exposes (its indexes are built from these).
    private static Dictionary<string, object> Facts(KnowledgeBase kb) => new()
    {
        ["Manifest"] = kb.Manifest, ["References"] = kb.References, ["Drugs"] = kb.Drugs, ["ToxicityTables"] = kb.ToxicityTables,
        ["InteractionClasses"] = kb.InteractionClasses, ["InteractionTables"] = kb.InteractionTables, ["Resistance"] = kb.Resistance,
        ["OffTarget"] = kb.OffTarget, ["Regimens"] = kb.Regimens, ["Trials"] = kb.Trials, ["Thresholds"] = kb.Thresholds, ["Rules"] = kb.Rules,
        ["Panel"] = kb.Panel, ["CarePathways"] = kb.CarePathways, ["Comedications"] = kb.Comedications, ["ReproductiveRecords"] = kb.ReproductiveRecords,
    };

    /// <summary>
    /// Compares two object graphs property by property. Unless <paramref name="compareProvenanceText"/>, a provenance's
    /// verification note, evidence and notes and a dispute side's evidence are not compared but must be empty in
    /// <paramref name="actual"/> (the paths where <paramref name="expected"/> had some are added to <paramref name="stripped"/>).
    /// </summary>
    private static void AssertSame(string path, object? expected, object? actual, List<string> stripped, bool compareProvenanceText = false)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {expected ?? "null"} vs {actual ?? "null"}");
            return;
        }

        // A list compares by its items: an absent list reads as an empty array, a written one as an empty List.
        if (expected is IEnumerable items && expected is not string)
        {
            Assert.True(actual is IEnumerable, $"{path}: {actual.GetType()} is not a list");
            var (e, a) = (items.Cast<object?>().ToList(), ((IEnumerable)actual).Cast<object?>().ToList());
            Assert.True(e.Count == a.Count, $"{path}: {e.Count} vs {a.Count} items");
            for (var i = 0; i < e.Count; i++)
            {
                AssertSame($"{path}[{i}]", e[i], a[i], stripped, compareProvenanceText);
            }

            return;
        }

        var type = expected.GetType();
        Assert.True(type == actual.GetType(), $"{path}: {type} vs {actual.GetType()}");
        if (type.IsPrimitive || type.IsEnum || type == typeof(DateOnly) || type == typeof(decimal) || expected is string)
        {
            Assert.True(expected.Equals(actual), $"{path}: '{expected}' vs '{actual}'");
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var (e, a) = (property.GetValue(expected), property.GetValue(actual));
            var name = $"{path}.{property.Name}";
            var provenanceText = (expected is Provenance && property.Name is nameof(Provenance.VerificationNote) or nameof(Provenance.Evidence) or nameof(Provenance.Notes))
                || (expected is DisputePosition && property.Name == nameof(DisputePosition.Evidence));
            if (provenanceText && !compareProvenanceText)
            {
                Assert.True(a is null || a is ICollection { Count: 0 }, $"{name} is in the runtime image");
                if (e is string || e is ICollection { Count: > 0 })
                {
                    stripped.Add(name);
                }

                continue;
            }

            AssertSame(name, e, a, stripped, compareProvenanceText);
        }
    }
}
