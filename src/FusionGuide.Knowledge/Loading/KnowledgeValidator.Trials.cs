using FusionGuide.Domain;
using FusionGuide.Knowledge.Loading.Wire;
using Terms = FusionGuide.Knowledge.Model.Terms;

namespace FusionGuide.Knowledge.Loading;

/// <summary>The checks of a trial record (<c>knowledge/trials/</c>): its driver and setting are terms (format 2).</summary>
internal static partial class KnowledgeValidator
{
    private sealed partial class Checker
    {
        public void Trial(Trial t)
        {
            var file = $"trials/{t.Id}.json";
            Id(file, t.Id);
            Sourced(file, t.Id, t.Sources, t);
            // Format 2: a trial says its driver and setting, so its figures are quoted only for that case (SYS-EVID-001).
            // A format-1 release's trials say neither as a term: the evidence section never lists them.
            if (FormatTwo || t.Driver is not null)
            {
                Term(file, "driver", t.Driver, Terms.Kinase.Codes);
            }

            if (FormatTwo)
            {
                Term(file, "setting", t.Setting, Terms.TrialSetting.Codes);
            }

            if (t.Drug is not null)
            {
                Term(file, "drug", t.Drug, Codes.Therapy.Codes);
            }

            foreach (var res in t.Results)
            {
                Term(file, "results.endpoint", res.Endpoint, Terms.Endpoint.Codes);
                if (res.Reference is not null)
                {
                    Refs(file, t.Id, [res.Reference]);
                }

                Provenance(file, $"{t.Id}/{res.Endpoint}", res);
            }
        }
    }
}
