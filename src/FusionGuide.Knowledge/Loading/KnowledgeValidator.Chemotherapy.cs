using FusionGuide.Domain;
using FusionGuide.Knowledge.Loading.Wire;
using Terms = FusionGuide.Knowledge.Model.Terms;

namespace FusionGuide.Knowledge.Loading;

/// <summary>The checks of a drug's chemotherapy <c>regimen</c> block and of a resistance mechanism's <c>combinations</c>.</summary>
internal static partial class KnowledgeValidator
{
    private sealed partial class Checker
    {
        private void ChemoRegimen(string file, Drug d)
        {
            if (d.Regimen is not { } r)
            {
                return;
            }

            if (d.Kind == "targeted")
            {
                Add(KnowledgeCodes.MissingRequired, file, $"{r.Id}: a targeted drug is dosed by its dosing[] records, not a chemotherapy regimen");
            }

            Sourced(file, r);
            if (r.Components.Count == 0)
            {
                Add(KnowledgeCodes.MissingRequired, file, $"{r.Id} has no components");
            }

            if (r.CycleDays <= 0)
            {
                Add(KnowledgeCodes.MissingRequired, file, $"{r.Id}: cycleDays must be a positive number of days");
            }

            var agents = r.Components.Select(c => c.Agent).ToHashSet(StringComparer.Ordinal);
            foreach (var c in r.Components)
            {
                Sourced(file, c);
                Term(file, "regimen.components.agent", c.Agent, Terms.RegimenAgent.Codes);
                if (c.AlternativeTo is { } alt)
                {
                    Term(file, "regimen.components.alternativeTo", alt, Terms.RegimenAgent.Codes);
                    if (!agents.Contains(alt))
                    {
                        Add(KnowledgeCodes.MissingRequired, file, $"{c.Id} is an alternative to '{alt}', which is not a component of {r.Id}");
                    }
                }
            }

            foreach (var s in r.Premedication)
            {
                Sourced(file, s);
            }

            if (r.Maintenance is { } m)
            {
                Sourced(file, m);
            }

            foreach (var h in r.NotIn)
            {
                Term(file, "regimen.notIn", h, Codes.Histology.Codes);
            }

            // A regimen not given in a histology must say what is given there instead, or the dosing row would be empty:
            // one step for each histology of notIn, and none for another.
            foreach (var h in r.NotIn.Where(h => r.InsteadSteps().Count(i => i.Histology == h) != 1))
            {
                Add(KnowledgeCodes.MissingRequired, file, $"{r.Id} is not given in {h} but has {(r.InsteadSteps().Any(i => i.Histology == h) ? "more than one 'instead' step" : "no 'instead' step")} for it");
            }

            foreach (var i in r.InsteadSteps())
            {
                Sourced(file, i);
                if (i.Histology is null)
                {
                    Add(KnowledgeCodes.MissingRequired, file, $"{r.Id}: 'instead' step {i.Id} names no 'histology'");
                }
                else if (!r.NotIn.Contains(i.Histology))
                {
                    Add(KnowledgeCodes.MissingRequired, file, $"{r.Id}: 'instead' step {i.Id} is for {i.Histology}, which is not in notIn");
                }

                if (i.SameChemotherapyAs is { } same)
                {
                    Term(file, "regimen.instead.sameChemotherapyAs", same, Codes.Therapy.Codes);
                }
            }
        }

        private void Combinations(string file, OffTargetMechanism o)
        {
            foreach (var x in o.Combinations)
            {
                Sourced(file, x);
                Term(file, "combinations.therapy", x.Therapy, Codes.Therapy.Codes);
                Term(file, "combinations.use", x.Use, Terms.CombinationUse.Codes);
            }
        }
    }
}
