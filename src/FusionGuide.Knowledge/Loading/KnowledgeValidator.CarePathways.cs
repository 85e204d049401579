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
                    if (s.Option is { } option)
                    {
                        Term(file, $"{s.Id}.option", option, Terms.PathwayOption.Codes);
                    }
                    if ((s.Item is null) != (s.Schedule is null))
                    {
                        Add(KnowledgeCodes.MissingRequired, file, $"{s.Id}: a surveillance step needs both item and schedule");
                    }
                }
            }
        }

        /// <summary><c>reproductive/</c>: one record per drug, each line a sourced fact with a known topic and region.</summary>
        public void Reproductive()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in c.Reproductive)
            {
                var file = $"reproductive/{r.Id}.json";
                Id(file, r.Id);
                Term(file, "drug", r.Drug, FusionGuide.Domain.Codes.Therapy.Codes);
                if (!seen.Add(r.Drug))
                {
                    Add(KnowledgeCodes.DuplicateId, file, $"drug '{r.Drug}' has another reproductive/ record");
                }

                Refs(file, r.Id, r.Sources);
                Provenance(file, r.Id, r, isFact: false);
                foreach (var f in r.Facts)
                {
                    Sourced(file, f);
                    Term(file, $"{f.Id}.topic", f.Topic, Terms.ReproductiveTopic.Codes);
                    Term(file, $"{f.Id}.region", f.Region, Terms.Region.Codes);
                }
            }
        }
    }
}
