using System.Text.Json;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge.Loading;

/// <summary>
/// A knowledge-base record written as JSON exactly as its file holds it (the knowledge files' own field names), through
/// the source-generated context: safe under Native AOT and trimming.
/// </summary>
public static class KnowledgeRecordJson
{
    private static KnowledgeJsonContext Json => KnowledgeJsonContext.Default;

    /// <summary>A drug record.</summary>
    public static string Write(KnowledgeBase kb, Drug record) => JsonSerializer.Serialize(Wire(kb).Drugs.First(r => r.Id == record?.Id), Json.Drug);

    /// <summary>A reference.</summary>
    public static string Write(KnowledgeBase kb, Reference record) => JsonSerializer.Serialize(Wire(kb).References.First(r => r.Id == record?.Id), Json.Reference);

    /// <summary>A rule's catalogue entry.</summary>
    public static string Write(KnowledgeBase kb, RuleInfo record) => JsonSerializer.Serialize(Wire(kb).Rules.First(r => r.Id == record?.Id), Json.RuleInfo);

    /// <summary>A guideline preference table.</summary>
    public static string Write(KnowledgeBase kb, Regimen record) => JsonSerializer.Serialize(Wire(kb).Regimens.First(r => r.Id == record?.Id), Json.Regimen);

    /// <summary>A trial.</summary>
    public static string Write(KnowledgeBase kb, Trial record) => JsonSerializer.Serialize(Wire(kb).Trials.First(r => r.Id == record?.Id), Json.Trial);

    /// <summary>A threshold.</summary>
    public static string Write(KnowledgeBase kb, Threshold record) => JsonSerializer.Serialize(Wire(kb).Thresholds.First(r => r.Id == record?.Id), Json.Threshold);

    private static Wire.WireContent Wire(KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(kb);
        // The file as written, provenance included: the embedded runtime image leaves that text out.
        return kb.WithProvenance().Wire;
    }
}
