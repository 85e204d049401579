using Terms = FusionGuide.Knowledge.Model.Terms;

namespace FusionGuide.Knowledge.Loading;

/// <summary>The checks of the care pathways (<c>knowledge/local/</c>): one record per pathway, each step a sourced fact.
/// A base without some pathway still loads (older releases, kb diff); the engine refuses to start without them.</summary>
internal static partial class KnowledgeValidator
{
    private sealed partial class Checker
    {
        public void CarePathways()
        {
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in c.CarePathways)
            {
                var file = $"local/{p.Id}.json";
                Id(file, p.Id);
                Term(file, "pathway", p.Pathway, Terms.CarePathway.Codes);
                if (!seen.TryAdd(p.Pathway, file))
                {
                    Add(KnowledgeCodes.DuplicateId, file, $"pathway '{p.Pathway}' is also described in {seen[p.Pathway]}");
                }

                Refs(file, p.Id, p.Sources);
                Provenance(file, p.Id, p, isFact: false);
                if (p.Steps.Count == 0)
                {
                    Add(KnowledgeCodes.MissingRequired, file, $"{p.Id} has no steps");
                }

                foreach (var s in p.Steps)
                {
                    Sourced(file, s);
                    if ((s.Item is null) != (s.Schedule is null))
                    {
                        Add(KnowledgeCodes.MissingRequired, file, $"{s.Id}: a surveillance step needs both item and schedule");
                    }
                }
            }
        }
    }
}
