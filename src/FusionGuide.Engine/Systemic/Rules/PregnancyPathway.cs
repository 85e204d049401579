using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-PREG-001: a pregnant patient (comorbidity <c>pregnancy</c>) gets the pregnancy pathway, not the standard list.
/// The pathway's words are knowledge (<c>knowledge/local/pregnancy.json</c>, each step with its sources): a step with an
/// <c>option</c> goes on the options of that kind (TKIs: contraindicated throughout, only after counselled consent;
/// plain chemotherapy: not in the first trimester, a platinum doublet from the second; checkpoint inhibitors and VEGF
/// antibodies: contraindicated), and each TKI also carries its own label's embryo-fetal line (<c>reproductive/</c>). The
/// case carries no gestational age, so the pathway cannot choose by trimester: it puts a platinum doublet (second
/// trimester onwards) before the TKIs and says what the gestational age would decide. This rule orders; the warning,
/// the per-drug lactation and contraception lines and the obstetric monitoring row are SAFE-PREG-001's.
/// </summary>
internal static class PregnancyPathway
{
    public const string Id = "SYS-PREG-001";

    public static bool Applies(PlanState p) => p.E.Case.Comorbidities.Contains(Comorbidity.Pregnancy);

    /// <summary>The pathway's ranking key (lower first): a plain cytotoxic regimen, then the TKIs, then what pregnancy rules out or the rest.</summary>
    public static int Rank(PlanState p, Candidate c) => StandingOf(p, c.Therapy) switch
    {
        Standing.Chemotherapy => 0,
        Standing.Tki => 1,
        _ => 2,
    };

    /// <summary>Before ranking: the platinum doublet when none is on the list, each option's pathway step and label line, and the trace.</summary>
    public static void Apply(PlanState p, Setting setting)
    {
        if (!Applies(p))
        {
            return;
        }

        var e = p.E;
        var pathway = e.Kb.CarePathway(CarePathwayCode.Pregnancy)!;
        IReadOnlyList<string> sources = [.. (e.Kb.Rule(Id)?.Provenance.Sources ?? []).Concat(pathway.Provenance.Sources).Distinct()];
        var added = AddDoublet(p, setting, sources);
        foreach (var c in p.Candidates)
        {
            var option = OptionOf(e, c.Therapy);
            foreach (var step in pathway.Steps.Where(s => option is not null && s.Option == option && s.Item is null))
            {
                e.UsedUnverified(step.Id, step.Provenance);
                c.Notes.Add(step.Text);
                c.Cite(step.Provenance.Sources);
            }

            // The drug's own label line: what its embryo-fetal section says (the case's region first).
            foreach (var line in e.Kb.Reproductive(c.Therapy)?.For(ReproductiveTopic.EmbryoFetal, e.Case.Context.Region ?? Region.Other) ?? [])
            {
                e.UsedUnverified(line.Id, line.Provenance);
                c.Notes.Add($"{Evaluation.Capitalised(e.Name(c.Therapy))} ({Terms.Region.Code(line.Region)} label): {line.Text}");
                c.Cite(line.Provenance.Sources);
            }
        }

        e.Fire(Id, $"Pregnant: the pregnancy pathway orders the options ({(added ? "platinum-pemetrexed added for the second trimester onwards; " : "")}"
            + "cytotoxic chemotherapy first, then TKIs after counselled consent, then checkpoint inhibitors or VEGF antibodies). "
            + "The case gives no gestational age: in the first trimester no systemic therapy is advised unless the mother's life is threatened (deferral or a TKI after counselled consent); from the second trimester the platinum doublet applies.",
            sources);
    }

    /// <summary>Which pathway steps an option takes (null: none of the pathway's kinds); SAFE-PREG-001 reads it too.</summary>
    public static PathwayOption? OptionOf(Evaluation e, Therapy t) => StandingOf(e, t) switch
    {
        Standing.Tki => PathwayOption.Targeted,
        Standing.Chemotherapy => PathwayOption.Chemotherapy,
        Standing.Contraindicated => PathwayOption.ImmunotherapyOrVegf,
        _ => null,
    };

    private enum Standing { Tki, Chemotherapy, Contraindicated, Other }

    private static Standing StandingOf(PlanState p, Therapy t) => StandingOf(p.E, t);

    private static Standing StandingOf(Evaluation e, Therapy t) => t switch
    {
        _ when HistoryReader.IsTargeted(e, t) => Standing.Tki,
        Therapy.PlatinumPemetrexed or Therapy.PlatinumEtoposide or Therapy.Docetaxel => Standing.Chemotherapy,
        Therapy.PlatinumPemetrexedBevacizumab or Therapy.ChemoImmunotherapy or Therapy.ImmunotherapyMonotherapy => Standing.Contraindicated,
        _ => Standing.Other,
    };

    /// <summary>
    /// Adds platinum-pemetrexed where the list has no cytotoxic regimen (first line the table offers only TKIs): not in
    /// the adjuvant setting, not for squamous histology, not when ruled out, unavailable or the performance status forbids it.
    /// </summary>
    private static bool AddDoublet(PlanState p, Setting setting, IReadOnlyList<string> sources)
    {
        var e = p.E;
        const Therapy doublet = Therapy.PlatinumPemetrexed;
        if (setting == Setting.Adjuvant || p.Squamous || p.SmallCellHistology
            || p.Candidates.Any(c => StandingOf(p, c.Therapy) == Standing.Chemotherapy)
            || p.Avoid.Contains(doublet) || Access.UnavailableAtSite(e, doublet, out _)
            || e.Case.Patient.Ecog >= e.Kb.ClinicalThresholds.EcogPoorAtOrAbove)
        {
            return false;
        }

        var drug = e.Kb.Drug(doublet);
        var c = new Candidate(doublet, Preference.CertainCircumstances, drug.Place ?? "Platinum doublet", 900);
        c.Cite(sources);
        p.Candidates.Add(c);
        return true;
    }
}
