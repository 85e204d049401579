using FusionGuide.Domain;
using FusionGuide.Engine.Diagnosis;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic;

/// <summary>What enters the candidate list, and what rules a therapy out.</summary>
internal sealed partial class SystemicPlan
{
    private readonly List<(RegimenEntry Entry, int Order, Regimen Table)> deferred = [];
    private readonly Dictionary<Therapy, (HistoryEntry Earlier, MutationSet Set, Resensitisation Record)> rechallenge = [];

    private void AddTable(Regimen table, ProgressionPattern? pattern)
    {
        for (var i = 0; i < table.Entries.Count; i++)
        {
            var entry = table.Entries[i];
            var therapy = entry.Therapy;
            if (candidates.Any(c => c.Therapy == therapy))
            {
                continue;
            }

            var admit = entry.Condition switch
            {
                RegimenCondition.BrainMetastases => BrainMets,
                RegimenCondition.GenotypeDirected => profile.Of(therapy) == Activity.Sensitive,
                RegimenCondition.CnsProgression => pattern == ProgressionPattern.Cns,
                RegimenCondition.ExtensiveStage => ExtensiveStage,
                RegimenCondition.PreferredUnavailable => false,
                _ => true,
            };
            if (entry.Condition == RegimenCondition.PreferredUnavailable)
            {
                deferred.Add((entry, i, table));
                continue;
            }

            if (entry.Condition == RegimenCondition.Nonsquamous && Squamous)
            {
                avoid.Add(therapy, $"pemetrexed-based therapy is not used in squamous histology", e.Kb.Drug(therapy).Provenance.Sources);
                continue;
            }

            if (admit)
            {
                candidates.Add(FromEntry(entry, i, table));
            }
        }
    }

    private Candidate FromEntry(RegimenEntry entry, int order, Regimen table)
    {
        var evidence = entry.Condition == RegimenCondition.GenotypeDirected ? GenotypeDirectedEvidence(entry) : entry.Rationale;
        var c = new Candidate(entry.Therapy, entry.Preference, evidence, order)
        {
            Category = entry.Category,
        };
        c.Cite(entry.Provenance.Sources);
        c.Cite([table.Guideline]);
        c.Notes.Add($"{e.Cite(table.Guideline)}: {entry.Preference.Code()}{(entry.Category is { } cat ? $", category {cat}" : "")}{(entry.Condition == RegimenCondition.GenotypeDirected ? " when the genotype supports it" : "")}");
        if (entry.NaiveOnly && PriorInhibitor)
        {
            // Contract 1.1: after a TKI stopped for intolerance the setting stays first-line, but the patient is not naive.
            var scope = $"{e.Cite(table.Guideline)} lists {e.Name(c.Therapy)} for patients who have not had {(kinase == Gene.Alk ? "an ALK" : $"a {kinaseCode}")} inhibitor, and this patient has had one: outside that recommendation (off-label use of the guideline entry)";
            c.Notes.Add(scope);
            e.Fire(RuleIds.LabelScope, $"{Evaluation.Capitalised(scope)}.", [table.Guideline]);
        }

        if (!entry.Provenance.Verified)
        {
            c.Notes.Add($"its place in this guideline table ({entry.Preference.Code()}) is not yet verified against the guideline document");
        }

        e.UsedUnverified($"{table.Id}/{entry.Therapy.Code()}", entry.Provenance);
        e.UsedUnverified(table.Id, table.Provenance);
        return c;
    }

    private void AdmitPreferredUnavailable(Regimen? table)
    {
        if (table is null || deferred.Count == 0 || candidates.Any(c => c.Preference == Preference.Preferred))
        {
            return;
        }

        var missing = table.Entries.Where(x => x.Preference == Preference.Preferred && avoid.Contains(x.Therapy)).Select(x => e.Name(x.Therapy)).ToList();
        var why = missing.Count > 0 ? $"offered only because {string.Join(", ", missing)} cannot be given here" : "offered only because no preferred agent can be given here";
        foreach (var (entry, order, t) in deferred)
        {
            var c = FromEntry(entry, order, t);
            c.Notes.Insert(0, why);
            candidates.Add(c);
        }

        e.Fire(RuleIds.PreferredUnavailable, $"No preferred agent can be given: {string.Join(", ", deferred.Select(d => d.Entry.Therapy.Code()))} {why}.");
        deferred.Clear();
        ApplyFilters();
    }

    private void AddMechanisms()
    {
        var i = 0;
        foreach (var alteration in dx.Alterations)
        {
            var m = e.Kb.OffTarget.FirstOrDefault(x => x.Alteration == alteration && x.Gene == kinase)
                ?? e.Kb.OffTarget.FirstOrDefault(x => x.Alteration == alteration && x.Gene is null);
            if (m is null)
            {
                continue;
            }

            e.Fire(RuleIds.OffTarget, $"{alteration} at progression (off-target resistance): {m.Approach}", m.Provenance.Sources);
            AddMechanism(m, -100 + i++);
        }
    }

    private void AddMechanism(OffTargetMechanism m, int order)
    {
        e.UsedUnverified(m.Id, m.Provenance);
        foreach (var t in m.Therapies)
        {
            var therapy = t.Therapy;
            var existing = candidates.FirstOrDefault(c => c.Therapy == therapy);
            var found = m.Alteration ?? $"{m.Transformation?.Code()} transformation";
            if (existing is not null)
            {
                existing.Notes.Add($"{found} found at progression: {t.Rationale}");
                existing.Cite(m.Provenance.Sources);
                continue;
            }

            var c = new Candidate(therapy, t.Preference, $"{found} found at progression: {t.Rationale}", order);
            c.Cite(m.Provenance.Sources);
            candidates.Add(c);
        }
    }

    private void RuleOutFromHistory()
    {
        foreach (var f in h.Failed)
        {
            if (HistoryReader.IsTargeted(e, f.Therapy) && Resensitised(f) is { } evidence)
            {
                rechallenge[f.Therapy] = (f, evidence.Set, evidence.Record);
                e.UsedUnverified(evidence.Record.Id, evidence.Record.Provenance);
                e.Fire(RuleIds.Rechallenge, $"{e.Name(f.Therapy)}: the disease progressed on it{Span(f)}, but {evidence.Set.Name} ({evidence.Set.Source}) is recorded with clinical evidence of re-sensitisation ({evidence.Record.Summary}): it may be given again in certain circumstances, never as the first choice.", evidence.Record.Provenance.Sources);
                continue;
            }

            var reason = $"disease progressed on it{Span(f)}";
            avoid.Add(f.Therapy, reason);
            e.Fire(RuleIds.PriorProgression, $"{e.Name(f.Therapy)}: {reason}; not offered again.");
            if (HistoryReader.IsTargeted(e, f.Therapy) && profile.Of(f.Therapy) == Activity.Sensitive)
            {
                // Lab sensitivity of the mutation found is not clinical evidence that the drug works again: the
                // systemic progression on it may have had other causes.
                e.Fire(RuleIds.Rechallenge, $"{e.Name(f.Therapy)} is sensitive to the mutation found in the lab, but the knowledge base records no clinical evidence that this genotype restores its activity after progression on it: no re-challenge.");
            }
        }

        foreach (var f in h.Intolerant)
        {
            avoid.Add(f.Therapy, $"stopped for intolerance{Span(f)}");
        }

        if (h.Current is { } current && MustStop(current) is { } stop)
        {
            avoid.Add(current.Therapy, stop, e.Kb.Toxicity(current.Therapy)?.Provenance.Sources);
            e.Fire(RuleIds.Intolerance, $"{e.Name(current.Therapy)} must stop ({stop}): a TKI of the same standing follows, not a later line.");
        }

        foreach (var drug in e.Kb.Drugs.Where(d => d.Inhibits(kinase)))
        {
            var therapy = drug.Therapy;
            if (profile.Of(therapy) == Activity.Resistant)
            {
                var finding = profile.For(therapy).First(x => x.Activity == Activity.Resistant);
                avoid.Add(therapy, finding.Evidence, finding.Sources);
                MarkUnverified(therapy);
            }
        }
    }

    /// <summary>
    /// The knowledge base's clinical evidence that the genotype found now restores the activity of a TKI the disease
    /// progressed on earlier: the genotype must have emerged on a later TKI (the most recent failure is never re-challenged).
    /// </summary>
    private (MutationSet Set, Resensitisation Record)? Resensitised(HistoryEntry failed)
    {
        if (failed == h.LastFailedTargeted || h.LastFailedTargeted is not { } latest)
        {
            return null;
        }

        foreach (var found in profile.Resensitising(failed.Therapy, latest.Therapy))
        {
            return found;
        }

        return null;
    }

    /// <summary>Each re-challenge the evidence allows, as a certain-circumstances option ranked after every other option.</summary>
    private void AddRechallenges()
    {
        foreach (var (therapy, (earlier, set, record)) in rechallenge)
        {
            var why = $"a re-challenge: the disease progressed on {e.Name(therapy)} earlier{Span(earlier)}; {set.Name} ({set.Source}) restores its activity clinically ({record.Summary})";
            var existing = candidates.FirstOrDefault(c => c.Therapy == therapy);
            if (existing is not null)
            {
                candidates.Remove(existing);
            }

            var c = new Candidate(therapy, Preference.CertainCircumstances, why, 1000) { IsRechallenge = true };
            c.Cite(record.Provenance.Sources);
            candidates.Add(c);
        }
    }

    /// <summary>A TKI of this kinase in the history, whatever stopped it: the patient is no longer inhibitor-naive.</summary>
    private bool PriorInhibitor => h.TargetedExposure.Any(t => e.Kb.Drug(t).Targets.Contains(kinase));

    private void ApplyFilters(IEnumerable<Candidate>? only = null)
    {
        foreach (var c in (only ?? candidates).ToList())
        {
            var drug = e.Kb.Drug(c.Therapy);
            var targeted = drug.IsTargeted;
            if (targeted && !drug.Targets.Contains(kinase))
            {
                avoid.Add(c.Therapy, $"no activity against {kinaseCode}");
            }

            if (Access.UnavailableAtSite(e, c.Therapy, out var why))
            {
                avoid.Add(c.Therapy, why);
                e.Fire(RuleIds.Availability, $"{drug.Name}: {why}.");
            }

            if (targeted)
            {
                TargetedFilters(c, drug);
            }
            else
            {
                OtherFilters(c, drug);
            }

            Cautions(c, drug);
            if (avoid.Contains(c.Therapy))
            {
                candidates.Remove(c);
            }
        }
    }

    private void TargetedFilters(Candidate c, Drug drug)
    {
        var activity = profile.Of(c.Therapy);
        c.Activity = activity;
        if (activity == Activity.Resistant)
        {
            avoid.Add(c.Therapy, profile.For(c.Therapy).First(x => x.Activity == Activity.Resistant).Evidence);
            return;
        }

        MarkUnverified(c.Therapy);
        var setting = h.AnyTargetedFailure ? ApprovalSetting.Subsequent : e.Case.Tumor.Resected == true ? ApprovalSetting.Adjuvant : ApprovalSetting.FirstLine;
        // A TKI of this kinase in the history (stopped for intolerance, the setting stays first-line) still counts for
        // labels limited to inhibitor-naive patients.
        var (standing, record) = Access.StandingOf(e, drug, kinase, setting, PriorInhibitor);
        var text = Access.Describe(e, standing, record, e.Name(c.Therapy));
        if (standing == Standing.OffLabel && record?.NaiveOnly == true)
        {
            e.Fire(RuleIds.LabelScope, $"{Evaluation.Capitalised(text)} (prior {string.Join(", ", h.TargetedExposure.Select(e.Name))}).", record.Provenance.Sources);
        }

        switch (standing)
        {
            case Standing.NotApproved when e.Case.Context.Available?.Contains(c.Therapy) != true:
                avoid.Add(c.Therapy, text, record?.Provenance.Sources);
                e.Fire(RuleIds.RegionalApproval, $"{text}.", record?.Provenance.Sources ?? []);
                break;
            case Standing.NotApproved:
                c.Notes.Add($"{text}, but the site lists it as obtainable");
                break;
            case Standing.OffLabel:
                c.Notes.Add(text);
                break;
            case Standing.Unknown:
                c.Notes.Add(text);
                e.Warn(WarningCodes.ApprovalUnknown, $"{char.ToUpperInvariant(text[0])}{text[1..]}: check local access before prescribing.");
                break;
            default:
                break;
        }
    }

    private void OtherFilters(Candidate c, Drug drug)
    {
        if (drug.NotIn.Any(x => e.Case.Tumor.Histology == x || (x == Histology.Squamous && Squamous)))
        {
            avoid.Add(c.Therapy, $"not used in squamous histology", drug.Provenance.Sources);
            e.Fire(RuleIds.Histology, $"{drug.Name}: not used in squamous histology.", drug.Provenance.Sources);
        }

        var chemo = c.Therapy is not (Therapy.ClinicalTrial or Therapy.BestSupportiveCare);
        if (chemo && e.Case.Patient.Ecog >= e.Kb.ClinicalThresholds.EcogPoorAtOrAbove)
        {
            avoid.Add(c.Therapy, $"ECOG {e.Case.Patient.Ecog}: cytotoxic or immune therapy is not recommended at this performance status");
            e.Fire(RuleIds.PerformanceStatus, $"ECOG {e.Case.Patient.Ecog}: {drug.Name} ruled out; best supportive care (and a targeted agent where one is left) instead.");
        }

        c.Cite(drug.Provenance.Sources);
    }

    private void Cautions(Candidate c, Drug drug)
    {
        if (!e.AnyComorbidity || drug.Cautions.Count == 0)
        {
            return;
        }

        foreach (var caution in drug.Cautions)
        {
            if (!e.HasComorbidity(caution.Comorbidity))
            {
                continue;
            }

            if (caution.Comorbidity == Comorbidity.InterstitialLungDisease && !e.Case.Comorbidities.Contains(Comorbidity.InterstitialLungDisease) && e.PriorPneumonitis is { } ae)
            {
                var on = ae.Therapy is { } t ? $" on {e.Name(t)}" : "";
                e.Fire(RuleIds.PriorPneumonitis, $"A grade {ae.Grade} pneumonitis{on} is recorded as an adverse event: it counts as interstitial lung disease for {drug.Name}'s caution.");
            }

            e.UsedUnverified(caution.Id, caution.Provenance);
            switch (caution.Effect)
            {
                case CautionEffect.Avoid:
                    avoid.Add(c.Therapy, caution.Message, caution.Provenance.Sources);
                    break;
                case CautionEffect.Deprioritise:
                    c.Demoted = true;
                    c.Notes.Add($"{caution.Comorbidity.Code()}: {caution.Message} Ranked after equally recommended agents");
                    break;
                default:
                    c.Notes.Add($"{caution.Comorbidity.Code()}: {caution.Message}");
                    break;
            }

            c.Cite(caution.Provenance.Sources);
            e.Fire(RuleIds.Comorbidity, $"{drug.Name} and {caution.Comorbidity.Code()}: {caution.Effect.Code()} — {caution.Message}", caution.Provenance.Sources);
        }
    }

    private void AvoidImmunotherapyMonotherapy()
    {
        var io = e.Kb.Drug(Therapy.ImmunotherapyMonotherapy);
        avoid.Add(Therapy.ImmunotherapyMonotherapy, io.Place ?? $"checkpoint-inhibitor monotherapy has little activity in {kinaseCode}-rearranged NSCLC, whatever the PD-L1", io.Provenance.Sources);
        e.Fire(RuleIds.ImmunotherapyAvoid, $"Immunotherapy monotherapy is avoided in {kinaseCode}-rearranged NSCLC whatever the PD-L1 expression.", io.Provenance.Sources);
    }

    private void WarnPriorImmunotherapy()
    {
        var io = e.Case.History.FirstOrDefault(x => x.Therapy is Therapy.ChemoImmunotherapy or Therapy.ImmunotherapyMonotherapy);
        if (io is null)
        {
            return;
        }

        var msg = $"{e.Name(io.Therapy)} was given{Span(io)}: a TKI started soon after a checkpoint inhibitor carries a higher risk of hepatotoxicity and pneumonitis; monitor liver tests closely in the first weeks.";
        e.Warn(WarningCodes.PriorImmunotherapy, msg);
        e.Fire(RuleIds.PriorImmunotherapy, msg);
    }

    private void MarkUnverified(Therapy therapy)
    {
        foreach (var f in profile.For(therapy).Where(f => f.Unverified))
        {
            e.UsedUnverified($"resistance {f.Set.Name}/{Codes.Therapy.Code(therapy)}", "activity cell not verified against the primary source");
        }
    }

    private static string Span(HistoryEntry x) => HistoryReader.Span(x);
}
