using FusionGuide.Domain;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-NEXT-001: a result with fewer than two systemic options says what comes next — a clinical trial, chemotherapy
/// (when it is not already the option and not already failed), and best supportive care — so a single TKI, or none,
/// never ends the plan. Not said when no guideline table is in force on the date (nothing later is applied) or in the
/// adjuvant setting (recurrence is a new, advanced-disease question). Sources: the rule catalogue.
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

        var steps = new List<string> { "a clinical trial (ask for one now, while the patient is fit to enter it)" };
        if (Chemotherapy(p, options) is { } chemo)
        {
            steps.Add(chemo);
        }

        steps.Add("best supportive care, with early palliative care alongside any treatment");
        var now = options.Count == 0 ? "No systemic option is proposed" : $"{p.Name(options[0].Therapy)} is the only systemic option";
        var msg = $"{now}: what comes next is {string.Join("; ", steps)}.";
        p.E.Warn(WarningCodes.WhatComesNext, msg);
        p.E.Fire(Id, msg);
    }

    /// <summary>The chemotherapy step, unless chemotherapy is already the option or has already failed.</summary>
    private static string? Chemotherapy(PlanState p, IReadOnlyList<TherapyOption> options)
    {
        if (options.Any(o => Chemotherapies.Contains(o.Therapy)))
        {
            return null;
        }

        var failedPlatinum = p.H.Failed.Any(f => f.Therapy is Therapy.PlatinumPemetrexed or Therapy.PlatinumPemetrexedBevacizumab or Therapy.ChemoImmunotherapy or Therapy.PlatinumEtoposide);
        if (failedPlatinum)
        {
            return p.H.Failed.Any(f => f.Therapy == Therapy.Docetaxel) ? null : $"{p.Name(Therapy.Docetaxel)} after platinum-based chemotherapy";
        }

        return p.Squamous
            ? "platinum-based chemotherapy (carboplatin or cisplatin doublet)"
            : $"{p.Name(Therapy.PlatinumPemetrexed)} (non-squamous histology)";
    }
}
