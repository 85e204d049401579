using System.Text.Json;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge.Loading;

/// <summary>
/// A knowledge-base record written as JSON, as the knowledge base holds it (the knowledge files' own field names),
/// through the source-generated context: safe under Native AOT and trimming.
/// </summary>
public static class KnowledgeRecordJson
{
    /// <summary>A drug record.</summary>
    public static string Write(Drug record) => JsonSerializer.Serialize(record, KnowledgeJsonContext.Default.Drug);

    /// <summary>A reference.</summary>
    public static string Write(Reference record) => JsonSerializer.Serialize(record, KnowledgeJsonContext.Default.Reference);

    /// <summary>A rule's catalogue entry.</summary>
    public static string Write(RuleInfo record) => JsonSerializer.Serialize(record, KnowledgeJsonContext.Default.RuleInfo);

    /// <summary>A guideline preference table.</summary>
    public static string Write(Regimen record) => JsonSerializer.Serialize(record, KnowledgeJsonContext.Default.Regimen);

    /// <summary>A trial.</summary>
    public static string Write(Trial record) => JsonSerializer.Serialize(record, KnowledgeJsonContext.Default.Trial);

    /// <summary>A threshold.</summary>
    public static string Write(Threshold record) => JsonSerializer.Serialize(record, KnowledgeJsonContext.Default.Threshold);
}
