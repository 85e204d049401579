using FusionGuide.Domain;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-PREG-001: a pregnant patient (comorbidity <c>pregnancy</c>) gets the pregnancy pathway, not the standard list.
/// Every TKI is embryo-fetal toxic (each drug's <c>*-pregnancy</c> caution, SYS-COMORB-001, says so in its rationale) and
/// contraindicated throughout pregnancy, so a TKI follows counselled consent when the disease threatens the mother's
/// life; cytotoxic chemotherapy is not given in the first trimester but is possible from the second; checkpoint
/// inhibitors and VEGF antibodies are contraindicated throughout. The case carries no gestational age, so the pathway
/// cannot choose by trimester: it puts a platinum doublet (second trimester onwards) before the TKIs and says in every
/// rationale what the gestational age would decide. Sources: the rule catalogue (Onkopedia 2022, ESMO 2013, labels).
/// </summary>
internal static class PregnancyPathway
{
    public const string Id = "SYS-PREG-001";

    private const string TkiNote =
        "Pregnancy pathway: TKIs are contraindicated throughout pregnancy; only after obstetric and maternal-fetal-medicine review and counselled consent, when the disease threatens the mother's life";

    private const string ChemotherapyNote =
        "Pregnancy pathway: cytotoxic chemotherapy is not given in the first trimester; from the second trimester a platinum doublet is possible, with obstetric monitoring and about 3 weeks between the last cycle and delivery";

    private const string ContraindicatedNote =
        "Pregnancy pathway: contains a checkpoint inhibitor or a VEGF antibody, contraindicated throughout pregnancy";

    public static bool Applies(PlanState p) => p.E.Case.Comorbidities.Contains(Comorbidity.Pregnancy);

    /// <summary>The pathway's ranking key (lower first): a plain cytotoxic regimen, then the TKIs, then what pregnancy rules out or the rest.</summary>
    public static int Rank(PlanState p, Candidate c) => StandingOf(p, c.Therapy) switch
    {
        Standing.Chemotherapy => 0,
        Standing.Tki => 1,
        _ => 2,
    };

    /// <summary>Before ranking: the platinum doublet when none is on the list, each option's pathway note, and the trace.</summary>
    public static void Apply(PlanState p, Setting setting)
    {
        if (!Applies(p))
        {
            return;
        }

        var e = p.E;
        IReadOnlyList<string> sources = e.Kb.Rule(Id)?.Provenance.Sources ?? [];
        var added = AddDoublet(p, setting, sources);
        foreach (var c in p.Candidates)
        {
            var note = StandingOf(p, c.Therapy) switch
            {
                Standing.Tki => TkiNote,
                Standing.Chemotherapy => ChemotherapyNote,
                Standing.Contraindicated => ContraindicatedNote,
                _ => null,
            };
            if (note is not null)
            {
                c.Notes.Add(note);
                c.Cite(sources);
            }
        }

        e.Fire(Id, $"Pregnant: the pregnancy pathway orders the options ({(added ? "platinum-pemetrexed added for the second trimester onwards; " : "")}"
            + "cytotoxic chemotherapy first, then TKIs after counselled consent, then checkpoint inhibitors or VEGF antibodies). "
            + "The case gives no gestational age: in the first trimester no systemic therapy is advised unless the mother's life is threatened (deferral or a TKI after counselled consent); from the second trimester the platinum doublet applies.",
            sources);
    }

    private enum Standing { Tki, Chemotherapy, Contraindicated, Other }

    private static Standing StandingOf(PlanState p, Therapy t) => t switch
    {
        _ when p.IsTargeted(t) => Standing.Tki,
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
