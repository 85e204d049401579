using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic;

/// <summary>Ranking and the patient-specific rationale of each option.</summary>
internal sealed partial class SystemicPlan
{
    private SystemicOutcome Finish(Setting setting, int? line, bool continuing = false)
    {
        PerformanceStatus();
        var options = new List<TherapyOption>(candidates.Count);
        foreach (var c in Ranked())
        {
            options.Add(Option(c));
        }

        if (options.Count > 0)
        {
            var order = string.Join("; ", options.Select((o, i) => $"{i + 1}. {e.Name(o.Therapy)} ({Codes.Preference.Code(o.Preference)})"));
            var why = BrainMets ? "preference, then intracranial activity (brain metastases), then genotype, then cautions, then guideline order" : "preference, then genotype, then cautions, then guideline order";
            e.Fire(RuleIds.Rank, $"Ranked by {why}: {order}.");
            if (BrainMets)
            {
                e.Fire(RuleIds.BrainMetastasesRanking, $"Brain metastases present: CNS-active agents lead ({e.Name(options[0].Therapy)} first).", e.Kb.Drug(options[0].Therapy).Cns?.Provenance.Sources ?? []);
            }
        }

        var currentTherapy = h.Current is { } cur && !avoid.Contains(cur.Therapy) ? cur.Therapy : (Therapy?)null;
        if (h.Current is { } now && HistoryReader.IsTargeted(e, now.Therapy) && avoid.Contains(now.Therapy))
        {
            currentTherapy = now.Therapy;
        }

        DropOtherDriversReferences();
        return new SystemicOutcome(setting, line, options, avoid.ToItems(r => !e.Kb.OfOtherKinase(r, kinase)))
        {
            Current = currentTherapy,
            ContinuingThroughLimitedProgression = continuing,
        };
    }

    /// <summary>
    /// The candidates by preference, then intracranial activity when the brain is involved, then activity against the
    /// mutation found, then cautions, then guideline order; equal keys keep the order the candidates were added in.
    /// </summary>
    private Candidate[] Ranked()
    {
        var keyed = new (bool Last, int Preference, int Cns, int Activity, bool Demoted, int Order, int Added, Candidate Candidate)[candidates.Count];
        for (var i = 0; i < keyed.Length; i++)
        {
            var c = candidates[i];
            // Never first: a re-challenge, and a TKI for a small-cell carcinoma (platinum-etoposide leads there).
            var last = c.IsRechallenge || (SmallCellHistology && HistoryReader.IsTargeted(e, c.Therapy));
            keyed[i] = (last, (int)c.Preference, BrainMets ? CnsRank(c.Therapy) : 0,
                c.Activity switch { Activity.Sensitive => 0, Activity.Unknown => 1, _ => 2 }, c.Demoted, c.Order, i, c);
        }

        // The last key (the position added) makes the unstable array sort stable.
        Array.Sort(keyed, static (a, b) =>
            (a.Last, a.Preference, a.Cns, a.Activity, a.Demoted, a.Order, a.Added).CompareTo((b.Last, b.Preference, b.Cns, b.Activity, b.Demoted, b.Order, b.Added)));
        var ranked = new Candidate[keyed.Length];
        for (var i = 0; i < keyed.Length; i++)
        {
            ranked[i] = keyed[i].Candidate;
        }

        return ranked;
    }

    private void PerformanceStatus()
    {
        if (e.Case.Patient.Ecog is not { } ecog || ecog < e.Kb.ClinicalThresholds.EcogPoorAtOrAbove)
        {
            return;
        }

        var hasTki = candidates.Any(c => HistoryReader.IsTargeted(e, c.Therapy) && !c.IsRechallenge);
        e.Warn(WarningCodes.PoorPerformanceStatus, hasTki
            ? $"ECOG {ecog}: a TKI may still be given at poor performance status because responses are frequent and fast; chemotherapy is not recommended."
            : $"ECOG {ecog}: no targeted option is left and chemotherapy is not recommended at this performance status; best supportive care.");
        foreach (var c in candidates.Where(c => HistoryReader.IsTargeted(e, c.Therapy)))
        {
            c.Notes.Add($"ECOG {ecog}: TKIs are used even at poor performance status in oncogene-driven NSCLC");
        }

        // Added after the access filter ran, so it must honour context.unavailable and context.available itself.
        if (!hasTki && !candidates.Any(c => c.Therapy == Therapy.BestSupportiveCare) && !avoid.Contains(Therapy.BestSupportiveCare) &&
            !Access.UnavailableAtSite(e, Therapy.BestSupportiveCare, out _))
        {
            var bsc = e.Kb.Drug(Therapy.BestSupportiveCare);
            var c = new Candidate(Therapy.BestSupportiveCare, Preference.Preferred, bsc.Place ?? "Best supportive care with palliative input", 1000);
            c.Cite(e.Kb.Rule(RuleIds.PerformanceStatus)?.Provenance.Sources ?? []);
            candidates.Add(c);
        }
    }

    /// <summary>Names, in the trace, the references of the other kinase that the options or avoid reasons would have cited.</summary>
    private void DropOtherDriversReferences()
    {
        var dropped = candidates.SelectMany(c => c.References).Concat(avoid.References)
            .Where(r => e.Kb.OfOtherKinase(r, kinase)).Distinct().ToList();
        if (dropped.Count > 0)
        {
            e.Fire(RuleIds.DriverReferences, $"Not cited for this {kinaseCode}-driven case: {string.Join(", ", dropped.Select(e.Cite))} (the knowledge base ties them to the other kinase only).");
        }
    }

    private int CnsRank(Therapy t) => e.Kb.Drug(t).Cns?.RankFor(kinase) ?? 99;

    private TherapyOption Option(Candidate c)
    {
        var drug = e.Kb.Drug(c.Therapy);
        var parts = new List<string>();
        if (!c.IsContinuation && situation.Length > 0)
        {
            parts.Add(Evaluation.Capitalised(situation));
        }

        parts.Add(c.Evidence);
        foreach (var f in profile.For(c.Therapy))
        {
            parts.Add(f.Evidence);
            c.Cite(f.Sources);
        }

        if (BrainMets && drug.IsTargeted && !c.IsContinuation && drug.Cns is { } cns)
        {
            var count = e.Case.Disease.BrainMetastases?.Count is { } n ? $" ({n})" : "";
            if (cns.Provenance.Sources.Any(r => e.Kb.OfOtherKinase(r, kinase)))
            {
                // The intracranial evidence comes from trials of the other kinase: say so, and cite none of them.
                parts.Add($"brain metastases{count}: intracranial activity is {cns.Activity.Code()}, judged from trials in {(kinase == Gene.Alk ? "ROS1" : "ALK")}-rearranged disease (no {kinaseCode}-specific intracranial data in the knowledge base)");
            }
            else
            {
                // The summary's clauses about mutations this patient does not have are left out (SYS-RES-006).
                var summary = ForThisPatient(cns.Summary);
                parts.Add(cns.Activity == CnsLevel.High
                    ? $"brain metastases{count}: {summary ?? "high intracranial activity"}"
                    : $"brain metastases{count}: intracranial activity is {cns.Activity.Code()}{(summary is { } s ? $" ({s})" : "")}");
                c.Cite(cns.Provenance.Sources);
            }

            e.UsedUnverified($"{drug.Id}-cns", cns.Provenance);
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
            References = [.. c.References.Where(r => !e.Kb.OfOtherKinase(r, kinase))],
            Category = c.Category,
        };
    }

    /// <summary>
    /// The parts joined by "; " into one sentence: trailing full stops dropped, each later clause starting in lower case
    /// unless it starts an acronym or a name ("NCCN", "CROWN", "Gainor"), the first letter capitalised, a full stop at the end.
    /// </summary>
    private string Rationale(List<string> parts)
    {
        var sb = e.Text();
        var first = true;
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            var clause = part.AsSpan().TrimEnd('.');
            if (first)
            {
                sb.Append(clause);
                first = false;
                continue;
            }

            sb.Append("; ");
            if (clause.Length > 1 && char.IsUpper(clause[0]) && char.IsLower(clause[1]) && !clause.StartsWith("Gainor", StringComparison.Ordinal))
            {
                sb.Append(char.ToLowerInvariant(clause[0])).Append(clause[1..]);
            }
            else
            {
                sb.Append(clause);
            }
        }

        if (sb.Length > 0)
        {
            sb[0] = char.ToUpperInvariant(sb[0]);
        }

        return sb.Append('.').ToString();
    }
}
