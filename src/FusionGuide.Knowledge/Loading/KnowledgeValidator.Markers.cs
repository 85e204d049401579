using Terms = FusionGuide.Knowledge.Model.Terms;

namespace FusionGuide.Knowledge.Loading;

internal static partial class KnowledgeValidator
{
    private sealed partial class Checker
    {
        // The resistance work-up names each kinase's solvent-front mutation from the table (NextTests): at most one
        // single-mutation row per kinase carries the marker, with its sources. Releases before 2026.12.3 have none
        // (kb diff still loads them; the work-up then names no example).
        public void SolventFronts()
        {
            foreach (var r in c.Resistance.Where(r => r.SolventFront is not null))
            {
                var file = $"resistance/mutations/{r.Id}.json";
                Sourced(file, $"{r.Id}/solventFront", r.SolventFront!.Sources, r.SolventFront);
                if (r.Mutations.Count != 1)
                {
                    Add(KnowledgeCodes.MissingRequired, file, $"{r.Id}: solventFront marks a single mutation, not a compound");
                }
            }

            foreach (var kinase in Terms.Kinase.Codes)
            {
                var marked = c.Resistance.Count(r => r.Gene == kinase && r.SolventFront is not null);
                if (marked > 1)
                {
                    Add(KnowledgeCodes.MissingRequired, "resistance/mutations", $"{kinase}: only one resistance row may be marked solventFront ({marked} found)");
                }
            }
        }
    }
}
