using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-NEXT-001: a result with fewer than two systemic options says what comes next — a clinical trial, chemotherapy
/// (when it is not already the option and not already failed), and best supportive care — so a single TKI, or none,
/// never ends the plan. Not said when no guideline table is in force on the date (nothing later is applied) or in the
/// adjuvant setting (recurrence is a new, advanced-disease question). When the one option is the TKI the patient
/// continues, what comes next is the guideline table in force after that TKI (re-test at progression, then its options),
/// never a clinical trial "now" as if the targeted line were ending; with no table after it, the labels written for use
/// after it. Sources: the rule catalogue and that table (or those labels).
/// </summary>
internal static class WhatComesNext
{
    public const string Id = "SYS-NEXT-001";

    private static readonly Therapy[] Chemotherapies =
        [Therapy.PlatinumPemetrexed, Therapy.PlatinumPemetrexedBevacizumab, Therapy.ChemoImmunotherapy, Therapy.Docetaxel, Therapy.PlatinumEtoposide];

    public static void Say(PlanState p, Setting setting, IReadOnlyList<TherapyOption> options)
    {
        if (options.Count >= 2 || setting == Setting.Adjuvant || p.NoTableForDate)
        {
            return;
        }

        if (options.Count == 1 && p.Candidates.Any(c => c.IsContinuation && c.Therapy == options[0].Therapy))
        {
            var continued = options[0].Therapy;
            if (GuidelineTable.InForce(p, RegimenSetting.Subsequent, continued) is { } next ? AtProgression(p, continued, next) : LabelledAtProgression(p, continued))
            {
                return;
            }
        }

        var now = options.Count == 0 ? "No systemic option is proposed" : $"{p.Name(options[0].Therapy)} is the only systemic option";
        string msg;
        if (PerformanceStatus.RulesOutChemotherapy(p))
        {
            // At ECOG 3-4 the next step is not a trial "while the patient is fit" nor chemotherapy, which SYS-PS-001 rules
            // out in the same result: best supportive care, and the other steps only if the performance status recovers.
            var ifRecovers = Chemotherapy(p, options) is { } later ? $"a clinical trial or {later}" : "a clinical trial";
            msg = $"{now}: at ECOG {p.E.Case.Patient.Ecog}, what comes next is best supportive care with early palliative care; {ifRecovers} only if the performance status recovers.";
        }
        else
        {
            var steps = new List<string> { "a clinical trial (ask for one now, while the patient is fit to enter it)" };
            if (Chemotherapy(p, options) is { } chemo)
            {
                steps.Add(chemo);
            }

            steps.Add("best supportive care, with early palliative care alongside any treatment");
            msg = $"{now}: what comes next is {string.Join("; ", steps)}.";
        }

        p.E.Warn(WarningCodes.WhatComesNext, msg);
        p.E.Fire(Id, msg);
    }

    /// <summary>A TKI that continues: at progression, re-test, then the options the guideline lists after it (false, nothing
    /// said, when the table lists nothing new).</summary>
    private static bool AtProgression(PlanState p, Therapy current, Regimen table)
    {
        // The TKI itself and any the disease already progressed on are not "what comes next"; nor is one the patient
        // stopped for good for intolerance (brigatinib after grade 3 pneumonitis was listed as the next option): it is
        // named apart. One whose events its label manages by a reduced dose stays listed (lorlatinib after grade 2 CNS
        // effects comes back as a re-challenge when the time comes, SYS-INTOL-002).
        var stopped = table.Entries.Select(x => x.Therapy)
            .Where(t => t != current && p.H.Intolerant.Any(h => h.Therapy == t) && !IntolerantRechallenge.CouldBeGivenAgain(p, t)).Distinct().ToList();
        var listed = table.Entries
            .Where(x => x.Therapy != current && !p.H.Failed.Any(f => f.Therapy == x.Therapy) && !stopped.Contains(x.Therapy))
            .Select(x => $"{p.Name(x.Therapy)} ({GuidelineTable.PlacementWords(x.Preference)}{ConditionWords(x.Condition)})")
            .ToList();
        if (listed.Count == 0)
        {
            return false;
        }

        var notAgain = stopped.Count == 0 ? "" : $"; not {string.Join(" or ", stopped.Select(p.Name))}, stopped for intolerance";
        var msg = $"{p.Name(current)} is continued while it controls the disease. At progression, re-test for resistance (tissue, or plasma NGS): "
            + $"after {p.Name(current)}, {p.E.Cite(table.Guideline)} lists {string.Join(", ", listed)}{notAgain}; {Then(p)}.";
        p.E.Warn(WarningCodes.WhatComesNext, msg);
        p.E.Fire(Id, msg, [table.Guideline]);
        return true;
    }

    /// <summary>
    /// A TKI that continues with no guideline table answering progression on it (ROS1 after lorlatinib): at progression,
    /// re-test, then the TKIs whose label in the case's region was written for use after it (false, nothing said, when
    /// there are none).
    /// </summary>
    private static bool LabelledAtProgression(PlanState p, Therapy current)
    {
        var labelled = LabelBasedOption.LabelledForUseAfter(p, current);
        if (labelled.Count == 0)
        {
            return false;
        }

        // A label elsewhere stands in where the region's standing is not known (LabelBasedOption.ApprovedElsewhere): it is named as such.
        var region = p.E.Case.Context.Region;
        var listed = labelled.Select(x => x.Record.Region == region
            ? $"{p.Name(x.Therapy)} ({x.Record.Approved()})"
            : $"{p.Name(x.Therapy)} ({x.Record.Region.Code()} label, {x.Record.Approved()}; its approval {(region is { } r and not Region.Other ? $"in {r.Code()}" : "where the patient is treated")} is not known to the knowledge base)");
        var labels = labelled.All(x => x.Record.Region == region) ? $"the labels in {region?.Code()}" : "the labels";
        var msg = $"{p.Name(current)} is continued while it controls the disease. At progression, re-test for resistance (tissue, or plasma NGS): "
            + $"no guideline table of the knowledge base answers progression on {p.Name(current)}, but {labels} written for use after it cover {string.Join(", ", listed)}; {Then(p)}.";
        p.E.Warn(WarningCodes.WhatComesNext, msg);
        p.E.Fire(Id, msg, [.. labelled.SelectMany(x => x.Record.Provenance.Sources).Distinct()]);
        return true;
    }

    /// <summary>The steps after the TKIs listed: at ECOG 3-4 best supportive care first, the rest only if it recovers.</summary>
    private static string Then(PlanState p) => PerformanceStatus.RulesOutChemotherapy(p)
        ? $"then, at ECOG {p.E.Case.Patient.Ecog}, best supportive care (a clinical trial or chemotherapy only if the performance status recovers)"
        : "then a clinical trial, chemotherapy and best supportive care";

    private static bool IsPlatinum(Therapy t) => t is Therapy.PlatinumPemetrexed or Therapy.PlatinumPemetrexedBevacizumab or Therapy.ChemoImmunotherapy or Therapy.PlatinumEtoposide;

    private static string ConditionWords(RegimenCondition condition) => condition switch
    {
        RegimenCondition.GenotypeDirected => " when the genotype supports it",
        RegimenCondition.CnsProgression => " with CNS-only progression",
        RegimenCondition.BrainMetastases => " with brain metastases",
        RegimenCondition.PreferredUnavailable => " when no preferred option can be given",
        RegimenCondition.Nonsquamous => ", non-squamous histology",
        RegimenCondition.Squamous => ", squamous histology",
        RegimenCondition.ExtensiveStage => ", extensive stage",
        _ => "",
    };

    /// <summary>The chemotherapy step, unless chemotherapy is already the option or has already failed.</summary>
    private static string? Chemotherapy(PlanState p, IReadOnlyList<TherapyOption> options)
    {
        // A platinum regimen continued now (SYS-CONT-004) is followed, at progression, by the post-platinum step.
        var continuedPlatinum = options is [{ Therapy: var only }] && IsPlatinum(only) && p.Candidates.Any(c => c.IsContinuation && c.Therapy == only);
        if (options.Any(o => Chemotherapies.Contains(o.Therapy)) && !continuedPlatinum)
        {
            return null;
        }

        var afterPlatinum = continuedPlatinum || p.H.Failed.Any(f => IsPlatinum(f.Therapy));
        // After platinum-etoposide (or its chemo-immunotherapy) in small-cell lung cancer, docetaxel is not the next step:
        // later-line small-cell therapy is, and the knowledge base codes none of it, so the answer says where to find it.
        if (afterPlatinum && p.E.SmallCell)
        {
            return "later-line small-cell lung cancer therapy from the SCLC guideline (the knowledge base codes none)";
        }

        // Small-cell lung cancer whose platinum-etoposide was stopped without progression (intolerance): its chemotherapy is
        // platinum-etoposide, never the pemetrexed doublet of non-squamous NSCLC (probe S23D).
        if (p.E.SmallCell)
        {
            var stopped = p.E.Case.History.Any(h => h.Therapy == Therapy.PlatinumEtoposide) ? "; if the reason it was stopped allows" : "";
            return $"{p.Name(Therapy.PlatinumEtoposide)} (the small-cell regimen{stopped})";
        }

        if (afterPlatinum)
        {
            return p.H.Failed.Any(f => f.Therapy == Therapy.Docetaxel) ? null : $"{p.Name(Therapy.Docetaxel)} after platinum-based chemotherapy";
        }

        return p.Squamous
            ? "platinum-based chemotherapy (carboplatin or cisplatin doublet)"
            : $"{p.Name(Therapy.PlatinumPemetrexed)} (non-squamous histology)";
    }
}
