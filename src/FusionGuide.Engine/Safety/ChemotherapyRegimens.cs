using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Systemic;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Safety;

/// <summary>
/// SAFE-DOSE-003: every chemotherapy or chemo-immunotherapy option shows its regimen as a dosing row — the doses of
/// one cycle and the cycle length, the induction cycles, the maintenance phase and the premedication (the drug
/// record's <c>regimen</c> block) — with the patient's renal or liver caution for it on the row. Its monitoring rows
/// come from the drug record's <c>monitoring</c> (SAFE-MON-001). Sources: the rule catalogue and each regimen fact.
/// </summary>
internal static class ChemotherapyRegimens
{
    /// <summary>One row per chemotherapy option with a regimen, in the order the options are ranked.</summary>
    public static IReadOnlyList<DosingRow> Rows(Evaluation e, SystemicOutcome s)
    {
        var rows = new List<DosingRow>();
        foreach (var t in s.Options.Select(o => o.Therapy).Distinct())
        {
            if (e.Kb.Drug(t) is not { IsTargeted: false, Regimen: { } regimen } drug)
            {
                continue;
            }

            if (InsteadIn(e, regimen) is { } instead)
            {
                rows.Add(InsteadRow(e, t, drug, regimen, e.HistologyWords, instead.Step));
                continue;
            }

            // The regimen's own facts: its "instead" step belongs to the other histology's row.
            var facts = regimen.Facts().Where(f => !regimen.Instead.Values.Any(i => i.Step.Id == f.Id)).ToList();
            foreach (var (id, fact) in facts)
            {
                e.UsedUnverified(id, fact);
            }

            // The patient's organ-function cautions for the regimen (pemetrexed below CrCl 45 mL/min) belong beside its doses.
            var region = e.Case.Context.Region;
            var cautions = e.Kb.Cautions(drug.Therapy, region)
                .Where(c => c.Record.Comorbidity is Comorbidity.RenalImpairment or Comorbidity.LiverImpairment && e.HasComorbidity(c.Record.Comorbidity)
                    && !e.HistologyAmong(c.Record.NotIn)).ToList();
            var start = Start(regimen);
            var premedication = regimen.Premedication.Select(x => x.Text).ToList();
            var unverified = facts.Where(x => !x.Provenance.Verified).Select(x => x.Id).ToList();
            rows.Add(new DosingRow
            {
                Therapy = t,
                Start = start,
                Reductions = [],
                Adjustments = cautions.Count > 0 ? [.. cautions.Select(c => $"{c.Record.Comorbidity.Code()}: {RegionalLabels.Said(region, c.Record.Region, c.Borrowed, "caution", c.Record.Message)}")] : null,
                Premedication = premedication.Count > 0 ? premedication : null,
                Maintenance = regimen.Maintenance?.Text,
                Caveat = unverified.Count == 0 ? null
                    : $"Not yet verified against a primary source: {unverified.Count} of the {facts.Count} facts of the {drug.Name} regimen ({string.Join(", ", unverified)}); check the current labels and the centre's protocol before prescribing.",
                References = [.. facts.SelectMany(x => x.Provenance.Sources).Concat(cautions.SelectMany(c => c.Record.Provenance.Sources)).Distinct()],
            });
            // Trace id SAFE-DOSE-003 (RuleIds.ChemotherapyRegimen) is written here; its sources: knowledge/rules/SAFE-DOSE-003.json.
            e.Fire(RuleIds.ChemotherapyRegimen,
                $"{drug.Name}: {start}{(regimen.Maintenance is { } m ? $"; maintenance: {m.Text}" : "")}{(premedication.Count > 0 ? $"; premedication: {string.Join("; ", premedication)}" : "")}.",
                [.. facts.SelectMany(x => x.Provenance.Sources).Distinct()]);
        }

        return rows;
    }

    /// <summary>What is given instead of the coded regimen in the patient's histology; null when the coded regimen is given.</summary>
    public static InsteadStep? InsteadIn(Evaluation e, ChemoRegimen regimen) =>
        e.HistologyOf(regimen.NotIn) is { } h && regimen.Instead.TryGetValue(h, out var instead) ? instead : null;

    /// <summary>
    /// The row of a regimen not given in the patient's histology: what the knowledge base says is given instead (the
    /// pemetrexed chemo-immunotherapy regimen is for non-squamous disease), never the coded regimen's doses.
    /// </summary>
    private static DosingRow InsteadRow(Evaluation e, Therapy t, Drug drug, ChemoRegimen regimen, string histology, RegimenStep instead)
    {
        // What is said instead rests on its sources' publication like any finding (SYS-DATE-001): before KEYNOTE-407
        // appeared, no squamous regimen is named from it.
        if (Systemic.Rules.PublishedBy.NotYet(e, instead.Provenance.Sources) is { } published)
        {
            var none = $"Not dosed here: the knowledge base's regimen for it is not given in {histology}, and the regimen used instead is named only from its source's publication ({published}), after {e.AsOfText}; take the regimen from the centre's protocol";
            Systemic.Rules.PublishedBy.Trace(e, [$"the {drug.Name} regimen for {histology} (first published {published})"]);
            e.Fire(RuleIds.ChemotherapyRegimen, $"{drug.Name}: {none}.", []);
            return new DosingRow { Therapy = t, Start = none, Reductions = [] };
        }

        e.UsedUnverified(instead.Id, instead.Provenance);
        e.Fire(RuleIds.ChemotherapyRegimen,
            $"{drug.Name}: the coded regimen ({Start(regimen)}) is not given in {histology}; the row says instead: {instead.Text}",
            instead.Provenance.Sources);
        return new DosingRow
        {
            Therapy = t,
            Start = instead.Text,
            Reductions = [],
            Caveat = instead.Provenance.Verified ? null
                : $"Not yet verified against a primary source: {instead.Id}; check the current labels and the centre's protocol before prescribing.",
            References = [.. instead.Provenance.Sources],
        };
    }

    /// <summary>
    /// One cycle in words: "Pemetrexed 500 mg/m² IV day 1 + cisplatin 75 mg/m² IV day 1 (or carboplatin AUC 5 IV day 1),
    /// every 21 days, 4 cycles (up to 6)".
    /// </summary>
    public static string Start(ChemoRegimen r)
    {
        var parts = r.Components.Where(c => c.AlternativeTo is null).Select(c =>
        {
            var alternatives = r.Components.Where(a => a.AlternativeTo == c.Agent).Select(Dose).ToList();
            return alternatives.Count == 0 ? Dose(c) : $"{Dose(c)} (or {string.Join(" or ", alternatives)})";
        });
        var text = $"{string.Join(" + ", parts)}, every {r.CycleDays} days, {r.Induction}";
        return $"{char.ToUpperInvariant(text[0])}{text[1..]}";
    }

    private static string Dose(RegimenComponent c) => $"{c.Agent.Code()} {c.Dose} {c.Route} {c.Days}";
}
