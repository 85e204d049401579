using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-COMORB-001: a drug's caution for a comorbidity the patient has avoids it, ranks it after equally recommended
/// agents, or is said in its rationale (the caution's effect). A TKI the patient is taking and continues has every
/// caution said in its rationale and none applied: it is the one option, and it already controls the disease.
/// SYS-COMORB-002: a pneumonitis recorded as an adverse event counts as interstitial lung disease, a symptomatic
/// bradycardia as bradycardia (<see cref="Evaluation.PriorEventFor"/>). Sources: the rule
/// catalogue and the caution record.
/// </summary>
internal static class ComorbidityCautions
{
    public const string Id = "SYS-COMORB-001";
    public const string PriorEventId = "SYS-COMORB-002";

    public static void Check(PlanState p, Candidate c, Drug drug) => Apply(p, c, drug, continued: false);

    /// <summary>The cautions of the TKI continued now, said in its rationale (SYS-CONT-001/002 keep it).</summary>
    public static void SayForContinued(PlanState p, Candidate c, Drug drug) => Apply(p, c, drug, continued: true);

    private static void Apply(PlanState p, Candidate c, Drug drug, bool continued)
    {
        var e = p.E;
        // The case region's cautions and those without a region; one only another region's label records still applies,
        // saying whose label it is (a safety check is never lost to the region filter).
        var region = e.Case.Context.Region;
        foreach (var (caution, borrowed) in e.Kb.Cautions(drug.Therapy, region).Where(x => e.HasComorbidity(x.Record.Comorbidity)))
        {
            var message = RegionalLabels.Said(region, caution.Region, borrowed, "caution", caution.Message);
            // An ILD caution met by a pneumonitis recorded as an adverse event (no ILD in the comorbidities) says so first:
            // the caution's own words name a pre-existing lung disease the patient does not have.
            var because = "";
            if (e.HistologyAmong(caution.NotIn))
            {
                // Written for a part of the therapy this histology does not get (the pemetrexed of chemo-immunotherapy's
                // non-squamous regimen): said to nobody here, and the trace says why.
                e.Fire(Id, $"{drug.Name} and {caution.Comorbidity.Code()}: its caution is not for {e.HistologyWords} and is not said — {message}", caution.Provenance.Sources);
                continue;
            }

            if (caution.Comorbidity == Comorbidity.Pregnancy && caution.Effect == CautionEffect.Warn && PregnancyPathway.Applies(p))
            {
                // Written for a patient who may become pregnant (verify pregnancy status, advise contraception): for a
                // pregnant patient the pregnancy pathway says what applies, with the drug's own embryo-fetal label line.
                e.Fire(Id, $"{drug.Name} and pregnancy: its caution for patients who may become pregnant is not said; the pregnancy pathway (SYS-PREG-001) says what applies to a pregnant patient.", caution.Provenance.Sources);
                continue;
            }

            if (!e.Case.Comorbidities.Contains(caution.Comorbidity) && e.PriorEventFor(caution.Comorbidity) is { } ae)
            {
                var ev = AdverseEventWords.Of(ae.Event);
                if (continued && (ae.Therapy ?? p.H.Current?.Therapy) == drug.Therapy)
                {
                    // The event is on the drug taken now: it is not a pre-existing condition to weigh when choosing this
                    // drug, but an adverse event its toxicity row manages (hold, reduce or stop by the label).
                    e.Fire(PriorEventId, $"A grade {ae.Grade} {ev} on {drug.Name}, the drug taken now: its caution for pre-existing {Words(caution)} is not said for it; the toxicity row manages the event.");
                    continue;
                }

                var on = ae.Therapy is { } t ? $" on {e.Name(t)}" : "";
                e.Fire(PriorEventId, $"A grade {ae.Grade} {ev}{on} is recorded as an adverse event: it counts as {Words(caution)} for {drug.Name}'s caution.");
                because = $"the grade {ae.Grade} {ev}{on} is weighed as {Words(caution)} for this caution — ";
            }

            e.UsedUnverified(caution.Id, caution.Provenance);
            c.Cite(caution.Provenance.Sources);
            if (continued)
            {
                // A caution that would rank or rule out the drug when choosing one is said as that: the choice was made,
                // and the drug is kept while it controls the disease.
                var kept = caution.Effect == CautionEffect.Warn ? "" : " (a caution for choosing a TKI; the one taken now is kept while it controls the disease)";
                c.Notes.Add($"{After(because, Said(caution, message))}{kept}");
                e.Fire(Id, $"{drug.Name} is continued and the patient has {caution.Comorbidity.Code()}: its caution is said, not applied ({caution.Effect.Code()}) — {message}", caution.Provenance.Sources);
                continue;
            }

            switch (caution.Effect)
            {
                case CautionEffect.Avoid:
                    p.Avoid.Add(c.Therapy, message, caution.Provenance.Sources);
                    break;
                case CautionEffect.Deprioritise:
                    c.Demoted = true;
                    c.DemotedFor.Add(caution.Comorbidity);
                    c.Factors.Add(($"the {Words(caution)} caution", 1));
                    // Where it ranks is said after the ranking (PatientFactors.SayWhereFactorsLeft).
                    c.Notes.Add(After(because, Said(caution, message)));
                    break;
                default:
                    c.WarnedFor.Add(caution.Comorbidity);
                    c.Notes.Add(After(because, Said(caution, message)));
                    break;
            }

            e.Fire(Id, $"{drug.Name} and {caution.Comorbidity.Code()}: {caution.Effect.Code()} — {message}", caution.Provenance.Sources);
        }
    }

    /// <summary>The note, after what makes the caution apply when that is said first.</summary>
    private static string After(string because, string note) => because.Length == 0 ? note : because + OptionWriter.LowerCaseStart(note);

    /// <summary>The caution as a rationale says it: the condition in words (never its code) unless the message names it.</summary>
    private static string Words(Caution caution) => Words(caution.Comorbidity);

    /// <summary>The condition in words ("long QT", "heart failure").</summary>
    public static string Words(Comorbidity comorbidity) =>
        comorbidity == Comorbidity.LongQt ? "long QT" : comorbidity.Code().Replace('-', ' ');

    private static string Said(Caution caution, string message)
    {
        var words = Words(caution);
        return message.Contains(words, StringComparison.OrdinalIgnoreCase) ? message : $"with {words}: {OptionWriter.LowerCaseStart(message)}";
    }
}
