using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Systemic.Rules;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic;

/// <summary>A ranked candidate as the option the result shows: its rationale for this patient and its references.</summary>
internal static class OptionWriter
{
    public static TherapyOption Write(PlanState p, Candidate c)
    {
        var parts = new List<string>();
        if (!c.IsContinuation && p.Situation.Length > 0)
        {
            parts.Add(Evaluation.Capitalised(p.Situation));
        }

        parts.Add(c.Evidence);
        foreach (var f in p.Profile.For(c.Therapy))
        {
            parts.Add(f.Evidence);
            c.Cite(f.Sources);
        }

        if (BrainMetastases(p, c) is { } brain)
        {
            parts.Add(brain);
        }

        if (c.Activity == Activity.Intermediate)
        {
            parts.Add("activity against the mutation found is only intermediate");
        }

        parts.AddRange(c.Notes);
        return new TherapyOption
        {
            Therapy = c.Therapy,
            Preference = c.Preference,
            Rationale = Rationale(parts),
            References = [.. c.References.Where(r => DriverReferences.Keep(p, r))],
            Category = c.Category,
            Combination = c.Combination,
        };
    }

    /// <summary>What a new TKI does in the brain, when the patient has brain metastases, from this kinase's evidence only.</summary>
    private static string? BrainMetastases(PlanState p, Candidate c)
    {
        var drug = p.E.Kb.Drug(c.Therapy);
        if (!p.BrainMets || !drug.IsTargeted || c.IsContinuation || drug.Cns is not { } cns)
        {
            return null;
        }

        p.E.UsedUnverified($"{drug.Id}-cns", cns.Provenance);
        var count = p.E.Case.Disease.BrainMetastases?.Count is { } n ? $" ({n})" : "";
        if (cns.Provenance.Sources.Any(r => !DriverReferences.Keep(p, r)))
        {
            // The intracranial evidence comes from trials of the other kinase: say so, and cite none of them.
            return $"brain metastases{count}: intracranial activity is {cns.Activity.Code()}, judged from trials in {(p.Kinase == Gene.Alk ? "ROS1" : "ALK")}-rearranged disease (no {p.KinaseCode}-specific intracranial data in the knowledge base)";
        }

        // The summary's clauses about mutations this patient does not have are left out (SYS-RES-006).
        c.Cite(cns.Provenance.Sources);
        var summary = PatientWording.ForThisPatient(p, cns.Summary);
        return cns.Activity == CnsLevel.High
            ? $"brain metastases{count}: {summary ?? "high intracranial activity"}"
            : $"brain metastases{count}: intracranial activity is {cns.Activity.Code()}{(summary is { } s ? $" ({s})" : "")}";
    }

    /// <summary>
    /// The parts joined by "; " into one sentence: trailing full stops dropped, each later clause starting in lower case
    /// unless it starts an acronym or a name ("NCCN", "CROWN", "Gainor"), the first letter capitalised, a full stop at the end.
    /// </summary>
    private static string Rationale(List<string> parts)
    {
        var clauses = parts.Where(part => part.Length > 0).Select(part => part.TrimEnd('.'))
            .Select((clause, i) => i == 0 ? clause : LowerCaseStart(clause));
        return $"{Evaluation.Capitalised(string.Join("; ", clauses))}.";
    }

    private static string LowerCaseStart(string clause) =>
        clause.Length > 1 && char.IsUpper(clause[0]) && char.IsLower(clause[1]) && !clause.StartsWith("Gainor", StringComparison.Ordinal)
            ? $"{char.ToLowerInvariant(clause[0])}{clause[1..]}"
            : clause;
}
