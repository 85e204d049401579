using FusionGuide.Domain;
using FusionGuide.Knowledge.Loading.Wire;
using Terms = FusionGuide.Knowledge.Model.Terms;

namespace FusionGuide.Knowledge.Loading;

internal static partial class KnowledgeValidator
{
    private sealed partial class Checker
    {
        /// <summary>
        /// A co-medication record: every term typed (group, classes, the TKI class of each rule, the reasons of its swap),
        /// every alternative of a swap a medication the base knows, and never a drug FusionGuide recommends (a TKI listed as
        /// a co-medication is a history problem of the case, not an interaction).
        /// </summary>
        public void Comedication(Comedication m, HashSet<string> knownMedications)
        {
            var file = $"interactions/comedications/{m.Id}.json";
            Sourced(file, m);
            Term(file, "group", m.Group, Terms.ComedicationGroup.Codes);
            foreach (var cls in m.Classes)
            {
                Term(file, "classes", cls, Terms.InteractionClass.Codes);
            }

            var name = KnowledgeBase.NormaliseMedication(m.Name);
            if (m.Name.Any(char.IsUpper) || Codes.Therapy.TryParse(name.Replace(' ', '-'), out _))
            {
                Add(KnowledgeCodes.UnknownTerm, file, $"name '{m.Name}' must be a lower-case generic name that is not a FusionGuide therapy");
            }

            foreach (var r in m.Rules)
            {
                Sourced(file, r);
                Dated(file, r.Id, r.ValidFrom, r.ValidTo);
                Term(file, $"{r.Id}.therapyClass", r.TherapyClass, Terms.InteractionClass.Codes);
                Term(file, $"{r.Id}.severity", r.Severity, Codes.Severity.Codes);
            }

            if (m.Swap is not { } swap)
            {
                return;
            }

            Sourced(file, swap);
            foreach (var reason in swap.Reasons)
            {
                Term(file, $"{swap.Id}.reasons", reason, Terms.InteractionClass.Codes);
            }

            foreach (var to in swap.To.Where(t => !knownMedications.Contains(KnowledgeBase.NormaliseMedication(t)) || KnowledgeBase.NormaliseMedication(t) == name))
            {
                Add(KnowledgeCodes.UnknownTerm, file, $"{swap.Id}: the alternative '{to}' is not a medication of the knowledge base (a class member or a co-medication), or is the medication itself");
            }

            if (swap.To.Count == 0 || swap.Reasons.Count == 0)
            {
                Add(KnowledgeCodes.MissingRequired, file, $"{swap.Id}: a swap names its alternative(s) and the interaction class(es) it avoids");
            }
        }
    }
}
