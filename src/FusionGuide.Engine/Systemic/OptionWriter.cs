using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Systemic.Rules;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic;

/// <summary>
/// A ranked candidate as the option the result shows: a rationale written for this patient and its references.
/// The rationale says why this option now — the finding and the setting, the guideline's place for it — then the
/// guideline's guidance without its figures, what the brain metastases change, the rules' notes (the ranking reason,
/// patient factors, access) and a short caveat when an unverified placement decides the row. Trial figures are listed
/// once per result in the evidence section (<see cref="EvidenceSection"/>; issue #20 item 7).
/// </summary>
internal static class OptionWriter
{
    public static TherapyOption Write(PlanState p, Candidate c)
    {
        var findings = p.Profile.For(c.Therapy).Where(f => f.Set.Gene == p.Kinase).ToList();
        foreach (var f in findings)
        {
            c.Cite(f.Sources);
        }

        var parts = new List<string> { WhyNow(p, c, findings) };
        parts.AddRange(Guidance(p, c));
        if (BrainMetastases(p, c) is { } brain)
        {
            parts.Add(brain);
        }

        if (c.Activity == Activity.Intermediate && findings.Count == 0)
        {
            parts.Add("activity against the mutation found is only intermediate");
        }

        // A filter applied again to a candidate (the first-line plan without a table filters its label-based options as they
        // are added, then the whole plan) says its note once.
        parts.AddRange(c.Notes.Distinct().Select(FigureClauses.WithoutParenthesisedFigures));
        if (LabelFactsNotRead(p, c) is { } missing)
        {
            parts.Add(missing);
        }

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

    /// <summary>
    /// The first clause: the finding and the setting, and the guideline's place for the option — "G1202R found on plasma
    /// DNA NGS after systemic progression on alectinib: lorlatinib is active against it and is a preferred option
    /// (NCCN-NSCLC-v5.2025)"; "First-line therapy for ALK-positive advanced NSCLC: alectinib is a preferred option (…)".
    /// A rule's own sentence leads instead for an option the table does not place (continuation, a mechanism, a re-challenge).
    /// </summary>
    private static string WhyNow(PlanState p, Candidate c, List<ActivityFinding> findings)
    {
        var name = p.Name(c.Therapy);
        var placement = c.Placement is { } words ? $"{words} ({c.PlacementSource}{(c.PlacementUnverified ? "; guideline placement not yet verified" : "")})" : null;
        if (c.IsContinuation || (placement is null && findings.Count == 0))
        {
            // The situation leads unless the rule's sentence already starts with it ("small-cell transformation …").
            var restates = FirstWords(c.Evidence).Equals(FirstWords(p.Situation), StringComparison.OrdinalIgnoreCase);
            var situation = c.IsContinuation || p.Situation.Length == 0 || restates ? "" : $"{Evaluation.Capitalised(p.Situation)}; ";
            return $"{situation}{c.Evidence.TrimEnd('.')}";
        }

        var when = p.Situation.StartsWith("after ", StringComparison.Ordinal) ? $" {p.Situation}" : "";
        // A situation that is itself a list of findings ("…: progression on alectinib then lorlatinib; G1202R+L1196M …")
        // is closed before the option is named.
        var lead = findings.Count > 0
            ? $"{Found(findings)}{when}: {name} is {Activities(findings)}"
            : p.Situation.Contains(':', StringComparison.Ordinal) ? $"{Evaluation.Capitalised(p.Situation)}; {name}"
            : $"{Evaluation.Capitalised(p.Situation)}: {name}";
        return placement is null ? lead : findings.Count > 0 ? $"{lead}, and is {placement}" : $"{lead} is {placement}";
    }

    /// <summary>
    /// What of a TKI's label the knowledge base has not read (a drug recorded from its approval alone, zidesamtinib):
    /// the option says so rather than leave the gap silent or fill it with a guess. Null when every part is recorded.
    /// </summary>
    private static string? LabelFactsNotRead(PlanState p, Candidate c)
    {
        var drug = p.E.Kb.Drug(c.Therapy);
        if (!drug.IsTargeted || c.IsContinuation)
        {
            return null;
        }

        var missing = new List<string>();
        if (drug.DosingOn(p.E.AsOf) is null)
        {
            missing.Add("dose");
        }

        if (p.E.Kb.Toxicity(c.Therapy)?.Rules.Any(r => r.Validity.Contains(p.E.AsOf)) != true)
        {
            missing.Add("dose modifications for adverse events");
        }

        if (p.E.Kb.Interactions(c.Therapy) is null)
        {
            missing.Add("drug interactions");
        }

        if (drug.Cautions.Count == 0 && drug.Monitoring.Count == 0)
        {
            missing.Add("warnings and monitoring");
        }

        return missing.Count == 0 ? null
            : $"the knowledge base has not read its label's {string.Join(", ", missing[..^1])}{(missing.Count > 1 ? " or " : "")}{missing[^1]}: take them from the current label before prescribing";
    }

    private static string FirstWords(string s) => string.Join(' ', s.Split(' ', 3).Take(2));

    /// <summary>"G1202R found on plasma DNA NGS" (each mutation set once).</summary>
    private static string Found(List<ActivityFinding> findings) =>
        string.Join("; ", findings.Select(f => f.Set).Distinct().GroupBy(s => s.Source)
            .Select(g => $"{string.Join(" and ", g.Select(s => s.Name))} found on {g.Key}"));

    /// <summary>
    /// "active against it", "only partly active against G1202R …", "of unknown activity against it (no activity record
    /// against F2004C)": the drug's activity in a reader's words; an unknown one says what is missing (SYS-RES-002).
    /// </summary>
    private static string Activities(List<ActivityFinding> findings)
    {
        static string Words(ActivityFinding f) =>
            f.Activity switch { Activity.Sensitive => "active against", Activity.Intermediate => "only partly active against", Activity.Unknown => "of unknown activity against", _ => "inactive against" };

        // Why, after the mutation is named: what is missing for an unknown activity, else that it is judged from the parts.
        static string Why(ActivityFinding f) => f.Gap is { } gap ? $" ({gap})" : f.Estimated ? " (judged from its single mutations)" : "";

        if (findings.Count == 1)
        {
            var f = findings[0];
            var why = f.ActivityText.Contains(", but ", StringComparison.Ordinal)
                ? $" ({f.ActivityText[(f.ActivityText.IndexOf(", but ", StringComparison.Ordinal) + 6)..]}{(f.Estimated ? "; judged from its single mutations" : "")})"
                : Why(f);
            return $"{Words(f)} it{why}";
        }

        return string.Join(", ", findings.Select(f => $"{Words(f)} {f.Set.Name}{Why(f)}"));
    }

    /// <summary>
    /// A table entry's guidance for this patient: its clauses without figures (the figures go to the evidence section)
    /// and without clauses about mutations the patient does not have. Other candidates' rule sentences already lead.
    /// </summary>
    private static IEnumerable<string> Guidance(PlanState p, Candidate c)
    {
        if (c.Source is null || c.IsContinuation)
        {
            return c.Placement is null && p.Profile.For(c.Therapy).Any(f => f.Set.Gene == p.Kinase) ? [c.Evidence.TrimEnd('.')] : [];
        }

        var (guidance, _) = FigureClauses.Split(c.Evidence);
        return guidance.Select(g => PatientWording.ForThisPatient(p, g)).OfType<string>();
    }

    /// <summary>
    /// What a new TKI does in the brain, when the patient has brain metastases: the level of its intracranial activity
    /// (and that it is the strongest of the options, by the knowledge base's ranking), never the figures — they come
    /// from their own trial's setting and are listed in the evidence section when that setting is the patient's.
    /// </summary>
    private static string? BrainMetastases(PlanState p, Candidate c)
    {
        var drug = p.E.Kb.Drug(c.Therapy);
        if (!p.BrainMets || !drug.IsTargeted || c.IsContinuation || drug.Cns is not { } cns)
        {
            return null;
        }

        p.E.UsedUnverified($"{drug.Id}/cns", cns.Provenance);
        var brain = p.E.Case.Disease.BrainMetastases;
        var count = brain switch
        {
            { Count: 0, Leptomeningeal: true } => " (leptomeningeal disease)",
            { Count: { } n } => $" ({n})",
            _ => "",
        };
        if (cns.Provenance.Sources.Any(r => !DriverReferences.Keep(p, r)))
        {
            // The intracranial evidence comes from trials of the other kinase: say so, and cite none of them.
            return $"brain metastases{count}: intracranial activity is {cns.Activity.Code()}, judged from trials in {(p.Kinase == Gene.Alk ? "ROS1" : "ALK")}-rearranged disease (no {p.KinaseCode}-specific intracranial data in the knowledge base)";
        }

        c.Cite(cns.Provenance.Sources);
        var ranks = p.Candidates.Where(x => p.IsTargeted(x.Therapy) && !x.IsContinuation)
            .Select(x => p.E.Kb.Drug(x.Therapy).Cns?.RankFor(p.Kinase)).OfType<int>().ToList();
        var strongest = cns.Activity == CnsLevel.High && ranks.Count > 1 && cns.RankFor(p.Kinase) == ranks.Min() && ranks.Count(r => r == ranks.Min()) == 1;
        return strongest
            ? $"brain metastases{count}: {p.Name(c.Therapy)} has the strongest intracranial data of the options"
            : $"brain metastases{count}: {cns.Activity.Code()} intracranial activity";
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

    internal static string LowerCaseStart(string clause) =>
        clause.Length > 1 && char.IsUpper(clause[0]) && char.IsLower(clause[1]) && !clause.StartsWith("Gainor", StringComparison.Ordinal)
            ? $"{char.ToLowerInvariant(clause[0])}{clause[1..]}"
            : clause;
}
