using FusionGuide.Knowledge;

namespace FusionGuide.Rendering;

/// <summary>The knowledge base's reference list in the renderers' form: one mapping for every front end.</summary>
public static class KnowledgeReferences
{
    /// <summary>Each reference by id, with its short name (or id), citation and address.</summary>
    public static ReferenceList From(KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(kb);
        return new(kb.References.ToDictionary(r => r.Id, r => (r.ShortName ?? r.Id, r.Citation, r.Url), StringComparer.Ordinal));
    }
}
