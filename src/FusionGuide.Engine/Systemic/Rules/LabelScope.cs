using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-ACCESS-004: after a TKI stopped for intolerance the setting stays first-line, but the patient is not
/// inhibitor-naive: a table entry or approval limited to naive patients no longer covers them (contract 1.1).
/// Sources: the rule catalogue and the guideline table or approval record. The approval side is traced by
/// <see cref="RegionalApproval"/>, where the standing is decided.
/// </summary>
internal static class LabelScope
{
    public const string Id = "SYS-ACCESS-004";

    /// <summary>A table entry for inhibitor-naive patients, offered to a patient who has had an inhibitor.</summary>
    public static void OutsideTableEntry(PlanState p, Candidate c, Regimen table)
    {
        var inhibitor = p.Kinase == Gene.Alk ? "an ALK" : $"a {p.KinaseCode}";
        var scope = $"{p.E.Cite(table.Guideline)} lists {p.Name(c.Therapy)} for patients who have not had {inhibitor} inhibitor, and this patient has had one: outside that recommendation (off-label use of the guideline entry)";
        c.Notes.Add(scope);
        p.E.Fire(Id, $"{Evaluation.Capitalised(scope)}.", [table.Guideline]);
    }

    /// <summary>An approval limited to inhibitor-naive patients, for a patient who has had an inhibitor.</summary>
    public static void OutsideApproval(PlanState p, string standing, Approval record) =>
        p.E.Fire(Id, $"{Evaluation.Capitalised(standing)} (prior {string.Join(", ", p.H.TargetedExposure.Select(p.Name))}).", record.Provenance.Sources);
}
