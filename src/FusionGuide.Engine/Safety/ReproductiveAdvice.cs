using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Systemic;
using FusionGuide.Engine.Systemic.Rules;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Safety;

/// <summary>
/// The labels' pregnancy, lactation and reproductive-potential lines for this patient (<c>knowledge/reproductive/</c>),
/// and the pregnancy pathway's own steps (<c>knowledge/local/pregnancy.json</c>).
/// SAFE-PREG-001 — pregnant or breastfeeding: the warning (the pathway's steps for the whole plan, what the missing
/// gestational age would decide, each option's lactation interval), each drug's lactation line on its dosing row, and
/// the obstetric review on the monitoring rows of chemotherapy options.
/// SAFE-PREG-002 — otherwise: each drug's contraception line for the patient's sex, on its dosing row, worded "if of
/// reproductive potential" (the case does not say whether the patient is; the clinician does).
/// </summary>
internal static class ReproductiveAdvice
{
    public static (IReadOnlyList<DosingRow> Dosing, IReadOnlyList<MonitoringRow> Monitoring) Apply(
        Evaluation e, SystemicOutcome s, IReadOnlyList<DosingRow> dosing, IReadOnlyList<MonitoringRow> monitoring)
    {
        var pregnant = e.Case.Comorbidities.Contains(Comorbidity.Pregnancy);
        var breastfeeding = e.Case.Comorbidities.Contains(Comorbidity.Breastfeeding);
        var topics = Topics(e.Case.Patient.Sex, pregnant, breastfeeding);
        var rows = dosing.Select(r => WithLines(e, r, topics, conditional: !pregnant && !breastfeeding)).ToList();
        if (!pregnant && !breastfeeding)
        {
            var covered = rows.Where((r, i) => r.Reproductive?.Count != dosing[i].Reproductive?.Count).Select(r => e.Name(r.Therapy)).ToList();
            if (covered.Count > 0)
            {
                // Trace id SAFE-PREG-002 (RuleIds.ReproductivePotential) is written here; its sources: knowledge/rules/SAFE-PREG-002.json.
                e.Fire(RuleIds.ReproductivePotential, $"Contraception lines from the labels of {string.Join(", ", covered)} are on their dosing rows, for a patient of reproductive potential ({(e.Case.Patient.Sex is { } sex ? Codes.Sex.Code(sex) : "sex not given: both")}).",
                    Sources(e, s, topics));
            }

            return (rows, monitoring);
        }

        var pathway = e.Kb.CarePathway(CarePathwayCode.Pregnancy)!;
        var extra = pregnant ? ObstetricReview(e, s, pathway) : [];
        Warn(e, s, pathway, pregnant, topics);
        return (rows, extra.Count > 0 ? [.. monitoring, .. extra] : monitoring);
    }

    /// <summary>Which lines apply: lactation when pregnant (after delivery) or breastfeeding; otherwise contraception for the patient's sex.</summary>
    private static ReproductiveTopic[] Topics(Sex? sex, bool pregnant, bool breastfeeding) => (pregnant, breastfeeding, sex) switch
    {
        (true, _, _) => [ReproductiveTopic.Lactation],
        (_, true, _) => [ReproductiveTopic.Lactation, ReproductiveTopic.ContraceptionFemale],
        (_, _, Sex.Female) => [ReproductiveTopic.ContraceptionFemale],
        (_, _, Sex.Male) => [ReproductiveTopic.ContraceptionMale],
        _ => [ReproductiveTopic.ContraceptionFemale, ReproductiveTopic.ContraceptionMale],
    };

    /// <summary>The drug's lines of these topics (the case region's label first), on its dosing row's <c>reproductive</c> list.</summary>
    private static DosingRow WithLines(Evaluation e, DosingRow row, IReadOnlyList<ReproductiveTopic> topics, bool conditional)
    {
        var lines = Lines(e, row.Therapy, topics).ToList();
        if (lines.Count == 0)
        {
            return row;
        }

        var words = lines.Select(l => $"{(conditional ? "If of reproductive potential — " : "")}{Heading(l.Topic)} ({Terms.Region.Code(l.Region)} label): {l.Text}{(l.Provenance.Verified ? "" : " (not yet verified against the label: check it)")}");
        return row with
        {
            Reproductive = [.. row.Reproductive ?? [], .. words],
            References = [.. (row.References ?? []).Concat(lines.SelectMany(l => l.Provenance.Sources)).Distinct()],
        };
    }

    private static IEnumerable<ReproductiveFact> Lines(Evaluation e, Therapy t, IEnumerable<ReproductiveTopic> topics)
    {
        if (e.Kb.Reproductive(t) is not { } record)
        {
            yield break;
        }

        foreach (var line in topics.SelectMany(topic => record.For(topic, e.Case.Context.Region ?? Region.Other)))
        {
            e.UsedUnverified(line.Id, line.Provenance);
            yield return line;
        }
    }

    private static string Heading(ReproductiveTopic topic) => topic switch
    {
        ReproductiveTopic.EmbryoFetal => "Pregnancy",
        ReproductiveTopic.ContraceptionFemale => "Contraception, females",
        ReproductiveTopic.ContraceptionMale => "Contraception, males with a partner who can become pregnant",
        _ => "Breastfeeding",
    };

    /// <summary>The pathway's surveillance steps for the chemotherapy options (obstetric review, delivery planning).</summary>
    private static List<MonitoringRow> ObstetricReview(Evaluation e, SystemicOutcome s, CarePathway pathway)
    {
        var rows = new List<MonitoringRow>();
        foreach (var o in s.Options)
        {
            var kind = PregnancyPathway.OptionOf(e, o.Therapy);
            foreach (var step in pathway.Steps.Where(st => kind is not null && st.Option == kind && st.Item is not null))
            {
                e.UsedUnverified(step.Id, step.Provenance);
                rows.Add(new MonitoringRow { Therapy = o.Therapy, Item = step.Item!, Schedule = step.Schedule!, References = step.Provenance.Sources });
            }
        }

        return rows;
    }

    /// <summary>The warning: the pathway's steps for the whole plan, the missing gestational age, each option's lactation interval.</summary>
    private static void Warn(Evaluation e, SystemicOutcome s, CarePathway pathway, bool pregnant, IReadOnlyList<ReproductiveTopic> topics)
    {
        var general = pregnant ? pathway.Steps.Where(st => st.Option is null).ToList() : [];
        foreach (var step in general)
        {
            e.UsedUnverified(step.Id, step.Provenance);
        }

        var all = SafetyStage.InPlay(e, s)
            .Select(t => (Therapy: t, Name: Evaluation.Capitalised(e.Name(t)), Lines: Lines(e, t, [ReproductiveTopic.Lactation]).ToList()))
            .ToList();
        var lactation = all.Where(x => x.Lines.Count > 0).ToList();
        var region = e.Case.Context.Region is { } r and not Region.Other ? r : (Region?)null;
        var perDrug = lactation.Count == 0 ? ""
            : " Breastfeeding, per label: " + string.Join("; ", lactation.Select(x => $"{x.Name} — {string.Join(" / ", x.Lines.Select(l => $"{Terms.Region.Code(l.Region)}: {l.Text.TrimEnd('.')}"))}{OtherRegionOnly(x.Lines, region)}")) + ".";
        // A TKI with no lactation line is named, never left out of the list as if it had nothing to say.
        var unrecorded = all.Where(x => x.Lines.Count == 0 && e.Kb.Drug(x.Therapy).IsTargeted).Select(x => e.Name(x.Therapy)).ToList();
        if (unrecorded.Count > 0)
        {
            perDrug += $" No breastfeeding interval is recorded in the knowledge base for {string.Join(", ", unrecorded)}: take it from the label (US PI 8.2, EU SmPC 4.6) before breastfeeding resumes.";
        }
        var pathwayWords = string.Join(" ", general.Select(st => st.Text));
        var msg = pregnant
            ? $"Pregnancy pathway: {pathwayWords} The gestational age is not in the case: it decides which of these applies (first trimester: deferral, or a TKI after counselled consent when the mother's life is threatened; second trimester onwards: a platinum doublet, ending about 3 weeks before delivery).{perDrug}"
            : $"Breastfeeding: no breastfeeding during systemic therapy and for the interval after the last dose the option's label states.{perDrug}";
        e.Warn(pregnant ? WarningCodes.Pregnancy : WarningCodes.Breastfeeding, msg);
        // Trace id SAFE-PREG-001 (RuleIds.Pregnancy) is written here; its sources: knowledge/rules/SAFE-PREG-001.json.
        e.Fire(RuleIds.Pregnancy, msg, [.. general.SelectMany(st => st.Provenance.Sources).Concat(lactation.SelectMany(x => x.Lines.SelectMany(l => l.Provenance.Sources))).Distinct()]);
    }

    /// <summary>When only another region's line is recorded, says that the case region's label interval is not (it may differ).</summary>
    private static string OtherRegionOnly(List<ReproductiveFact> lines, Region? region) =>
        region is { } own && lines.All(l => l.Region != own) ? $" (the {Terms.Region.Code(own)} label's interval is not recorded here: check it)" : "";

    private static IReadOnlyList<string> Sources(Evaluation e, SystemicOutcome s, IReadOnlyList<ReproductiveTopic> topics) =>
        [.. SafetyStage.InPlay(e, s).SelectMany(t => e.Kb.Reproductive(t)?.Facts.Where(f => topics.Contains(f.Topic)).SelectMany(f => f.Provenance.Sources) ?? []).Distinct()];
}
