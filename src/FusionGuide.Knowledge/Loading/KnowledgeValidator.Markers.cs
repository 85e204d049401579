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

            // A variant marker names an EML4-ALK variant as "v" and its number (v1, v2, v3, …), the form the engine reads a
            // case's variant into (FusionVariant.Number); sub-variants (v3a, v3b) share their number.
            foreach (var r in c.Resistance.Where(r => r.EnrichedInVariant is not null))
            {
                var file = $"resistance/mutations/{r.Id}.json";
                var v = r.EnrichedInVariant!;
                Sourced(file, $"{r.Id}/enrichedInVariant", v.Sources, v);
                if (r.Gene != "ALK")
                {
                    Add(KnowledgeCodes.MissingRequired, file, $"{r.Id}: enrichedInVariant names an EML4-ALK variant, so only an ALK row may carry it");
                }

                if (v.Variant.Length < 2 || v.Variant[0] != 'v' || !v.Variant[1..].All(char.IsAsciiDigit))
                {
                    Add(KnowledgeCodes.UnknownTerm, file, $"{r.Id}: enrichedInVariant variant '{v.Variant}' must be 'v' and a number (v3)");
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
