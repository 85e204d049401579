using FusionGuide.Domain;
using FusionGuide.Engine.Diagnosis;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Safety;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic;

/// <summary>The decision for an ALK- or ROS1-driven case: which table applies, what it offers, what is ruled out, in what order.</summary>
internal sealed partial class SystemicPlan(Evaluation e, DiagnosisFindings dx, TreatmentHistory h, Gene kinase)
{
    private static readonly Stage[] AdjuvantStages = [Stage.IB, Stage.IIA, Stage.IIB, Stage.IIIA];
    private readonly string kinaseCode = Codes.Gene.Code(kinase);
    private readonly ResistanceProfile profile = new(e, dx.ResistanceMutations);
    private readonly AvoidList avoid = new();
    private readonly List<Candidate> candidates = [];
    private string situation = "";

    // Set when the setting has guideline tables, but none encoded for the evaluation date.
    private bool noTableForDate;

    // Line of the recommendation: one more than the history's when a TKI continued through limited progression is given up.
    private int line = h.Line;

    private bool BrainMets => e.Case.Disease.BrainMetastases?.Present == true;

    private bool Squamous => e.Case.Tumor.Histology == Histology.Squamous || e.Case.Tumor.Transformation == Transformation.Squamous;

    /// <summary>Small-cell carcinoma at diagnosis (the histology field), as opposed to a transformation at progression.</summary>
    private bool SmallCellHistology => e.Case.Tumor.Histology == Histology.SmallCell;

    /// <summary>Stage IV (or not given): the extensive-stage SCLC options apply.</summary>
    private bool ExtensiveStage => e.Case.Tumor.Stage is null or Stage.IV or Stage.IVA or Stage.IVB;

    public SystemicOutcome Decide()
    {
        if (SmallCellHistology)
        {
            return SmallCell();
        }

        if (e.Case.Tumor.Resected == true && h.Failed.Count == 0)
        {
            if (e.Case.Tumor.Stage is { } stage && AdjuvantStages.Contains(stage))
            {
                return Adjuvant(stage);
            }

            if (e.Case.Tumor.Stage is Stage.IA)
            {
                const string why = "Completely resected stage IA: no adjuvant systemic therapy is indicated (ALINA enrolled stage IB ≥4 cm to IIIA); surveillance.";
                e.Fire(RuleIds.Adjuvant, why);
                return new SystemicOutcome(Setting.Adjuvant, null, [], []);
            }

            e.Warn(WarningCodes.StageInconsistent, $"The tumour is marked resected, but stage {(e.Case.Tumor.Stage is { } s ? Codes.Stage.Code(s) : "(not given)")} is not the IB–IIIA adjuvant range: the case is treated as advanced disease.");
        }

        AvoidImmunotherapyMonotherapy();
        WarnPriorImmunotherapy();
        if (e.Case.Tumor.Transformation is { } transformation)
        {
            return Transformed(transformation);
        }

        var current = h.Current;
        var obtainable = current is null || !Access.UnavailableAtSite(e, current.Therapy, out _);
        // A TKI the genotype found at progression resists is not continued, whatever the history says.
        if (current is not null && HistoryReader.IsTargeted(e, current.Therapy) && MustStop(current) is null && obtainable &&
            profile.Of(current.Therapy) != Activity.Resistant &&
            (h.ContinuedThroughLimitedProgression is null || CanContinueThrough(current)))
        {
            return Continue(current);
        }

        if (current is not null && HistoryReader.IsTargeted(e, current.Therapy) && Access.UnavailableAtSite(e, current.Therapy, out var unobtainable))
        {
            avoid.Add(current.Therapy, unobtainable);
            e.Fire(RuleIds.Availability, $"{e.Name(current.Therapy)} is taken now, but {unobtainable}: it cannot be continued.");
        }

        var failedTki = h.LastFailedTargeted?.Therapy;
        var pattern = h.LastFailurePattern;
        if (h.ContinuedThroughLimitedProgression is { } stopped && CanContinueThrough(stopped) && !obtainable)
        {
            // Limited progression on a TKI the site can no longer supply: the next TKI follows progression on it.
            failedTki = stopped.Therapy;
            pattern = stopped.ProgressionPattern;
            line = h.Line + 1;
        }

        if (h.ContinuedThroughLimitedProgression is { } low && !CanContinueThrough(low))
        {
            failedTki = low.Therapy;
            pattern = low.ProgressionPattern;
            line = h.Line + 1;
            e.Fire(RuleIds.LimitedProgression, $"CNS progression on {e.Name(low.Therapy)}, whose CNS penetration is poor: switch to a CNS-active TKI rather than continue it.", e.Kb.Drug(low.Therapy).Cns?.Provenance.Sources ?? []);
            avoid.Add(low.Therapy, $"CNS progression on it ({HistoryReader.Span(low).Trim()}) and poor CNS penetration", e.Kb.Drug(low.Therapy).Cns?.Provenance.Sources);
        }

        return Advanced(failedTki, pattern);
    }

    /// <summary>The label reason that forces the current therapy to stop, if any adverse event does.</summary>
    private string? MustStop(HistoryEntry current)
    {
        foreach (var ae in e.Case.AdverseEvents.Where(a => ToxicityAdvisor.Attribute(a, current) == current.Therapy))
        {
            if (ae.Grade == 5)
            {
                return $"a fatal (grade 5) {Codes.AdverseEventCode.Code(ae.Event)} event on it";
            }

            if (ToxicityAdvisor.Decide(e, current.Therapy, ae.Event, ae.Grade) is { Action: ToxicityAction.Discontinue })
            {
                return $"grade {ae.Grade} {Codes.AdverseEventCode.Code(ae.Event)} on it: the label says to discontinue permanently";
            }
        }

        return null;
    }

    private bool CanContinueThrough(HistoryEntry entry) =>
        entry.ProgressionPattern == ProgressionPattern.Oligoprogression || e.Kb.Drug(entry.Therapy).Cns?.Activity == CnsLevel.High;

    private SystemicOutcome Continue(HistoryEntry current)
    {
        var limited = h.ContinuedThroughLimitedProgression is not null;
        var name = e.Name(current.Therapy);
        var since = current.Start is { } s ? $" since {s}" : "";
        var evidence = limited
            ? $"{Codes.ProgressionPattern.Code(current.ProgressionPattern!.Value)} progression on {name}{since}: continue {name} and treat the progressing site(s) locally; switching now would give up a TKI that still controls most of the disease"
            : $"On {name}{since} without recorded progression: continue it";
        var c = new Candidate(current.Therapy, Preference.Preferred, evidence, 0) { IsContinuation = true };
        c.Cite(e.Kb.Rule(limited ? RuleIds.LimitedProgression : RuleIds.ContinueTki)?.Provenance.Sources ?? []);
        if (BrainMets && e.Kb.Drug(current.Therapy).Cns is { } cns)
        {
            c.Notes.Add($"brain metastases: {cns.Summary ?? $"CNS activity {cns.Activity.Code()}"}");
        }

        candidates.Add(c);
        e.Fire(limited ? RuleIds.LimitedProgression : RuleIds.ContinueTki, $"{evidence}.");
        var setting = h.AnyTargetedFailure ? Setting.SubsequentTargeted : Setting.FirstLine;
        return Finish(setting, h.Line, continuing: limited);
    }

    private SystemicOutcome Advanced(Therapy? failedTki, ProgressionPattern? pattern)
    {
        RuleOutFromHistory();
        Regimen? table;
        if (failedTki is { } failed)
        {
            table = Table(RegimenSetting.Subsequent, failed);
            situation = $"after {ProgressionWords(pattern)} on {e.Name(failed)}";
            if (table is null)
            {
                e.Fire(RuleIds.GuidelineTable, $"No guideline table in force answers progression on {e.Name(failed)} for {kinaseCode}: targeted options are limited to what the genotype supports.");
            }
        }
        else
        {
            table = Table(RegimenSetting.FirstLine, null);
            var before = e.Case.History.Where(x => !HistoryReader.IsTargeted(e, x.Therapy)).Select(x => e.Name(x.Therapy)).ToList();
            situation = before.Count > 0
                ? $"first-line targeted therapy for {kinaseCode}-positive disease found after {string.Join(", ", before)}"
                : $"first-line therapy for {kinaseCode}-positive advanced NSCLC";
        }

        if (table is not null)
        {
            AddTable(table, pattern);
        }
        else if (noTableForDate)
        {
            // Never apply later guideline content to an earlier date: no options, and the answer says why.
            return Finish(failedTki is null ? Setting.FirstLine : Setting.SubsequentTargeted, line);
        }

        AddMechanisms();
        AddRechallenges();
        ApplyFilters();
        AdmitPreferredUnavailable(table);
        AccountForSensitiveDrugs();
        if (!candidates.Any(c => HistoryReader.IsTargeted(e, c.Therapy) && !c.IsRechallenge))
        {
            return PostTargeted(ExhaustedBecause(failedTki));
        }

        return Finish(failedTki is null ? Setting.FirstLine : Setting.SubsequentTargeted, line);
    }

    private SystemicOutcome Adjuvant(Stage stage)
    {
        situation = $"completely resected stage {Codes.Stage.Code(stage)} {kinaseCode}-positive NSCLC";
        var table = Table(RegimenSetting.Adjuvant, null);
        if (table is null)
        {
            e.Fire(RuleIds.Adjuvant, $"No adjuvant table in force for {kinaseCode} on {e.AsOfText}.");
            return new SystemicOutcome(Setting.Adjuvant, null, [], []);
        }

        e.Fire(RuleIds.Adjuvant, $"Resected stage {Codes.Stage.Code(stage)}: the adjuvant table {table.Id} applies.", [table.Guideline]);
        if (stage == Stage.IB)
        {
            e.Warn(WarningCodes.AdjuvantStage, "Stage IB qualifies for adjuvant alectinib only with a tumour ≥4 cm (ALINA, AJCC 7th edition): confirm the size.");
        }

        AddTable(table, null);
        ApplyFilters();
        AdmitPreferredUnavailable(table);
        return Finish(Setting.Adjuvant, null);
    }

    private SystemicOutcome Transformed(Transformation transformation)
    {
        var code = Codes.Transformation.Code(transformation);
        var msg = $"{(transformation == Transformation.SmallCell ? "Small-cell" : "Squamous")} transformation on the progression biopsy: a resistance mechanism that the {kinaseCode} TKI no longer controls; treat the transformed histology.";
        e.Warn(WarningCodes.HistologicTransformation, msg);
        situation = $"{code} transformation at progression";
        var mechanism = e.Kb.OffTarget.FirstOrDefault(m => m.Transformation == transformation && m.AppliesTo(kinase));
        e.Fire(RuleIds.Transformation, msg, mechanism?.Provenance.Sources ?? []);
        RuleOutFromHistory();
        if (mechanism is not null)
        {
            AddMechanism(mechanism, 0);
        }

        ApplyFilters();
        var setting = h.TargetedExposure.Count > 0 ? Setting.PostTargeted : Setting.FirstLine;
        if (candidates.Count == 0)
        {
            return PostTargeted("transformation: the TKI no longer controls the disease");
        }

        return Finish(setting, line);
    }

    /// <summary>
    /// A small-cell carcinoma carrying an ALK or ROS1 fusion is small-cell lung cancer: the SCLC guideline's table
    /// decides, the fusion is reported, and a TKI is offered only where the knowledge base lists one for it (never first).
    /// </summary>
    private SystemicOutcome SmallCell()
    {
        var msg = $"The tumour's histology is small-cell carcinoma at diagnosis (not a transformation at progression): it is small-cell lung cancer, treated by the SCLC guideline with platinum-etoposide first; the {kinaseCode} fusion is reported, but the knowledge base records no evidence that a {kinaseCode} TKI works in this histology, so none is offered first.";
        e.Warn(WarningCodes.SmallCellHistology, msg);
        situation = $"small-cell lung cancer carrying {(kinase == Gene.Alk ? "an" : "a")} {kinaseCode} fusion";
        RuleOutFromHistory();
        var table = Table(RegimenSetting.SmallCell, null);
        e.Fire(RuleIds.SmallCellHistology, msg, table is null ? [] : [table.Guideline, .. table.Provenance.Sources]);
        if (table is not null)
        {
            AddTable(table, null);
        }

        ApplyFilters();
        var resected = e.Case.Tumor.Resected == true && h.Failed.Count == 0;
        var setting = resected ? Setting.Adjuvant : h.Failed.Count > 0 ? Setting.PostTargeted : Setting.FirstLine;
        return Finish(setting, resected ? null : line);
    }

    private SystemicOutcome PostTargeted(string why)
    {
        candidates.RemoveAll(c => HistoryReader.IsTargeted(e, c.Therapy) && !c.IsRechallenge);
        var msg = $"No {kinaseCode} TKI is left for this patient ({why}): the conventional NSCLC pathway applies.";
        e.Warn(WarningCodes.NoTargetedOption, msg);
        e.Fire(RuleIds.NoTargetedOption, msg);
        situation = $"{kinaseCode}-positive disease: {why}";
        var table = Table(RegimenSetting.PostTargeted, null);
        if (table is not null)
        {
            AddTable(table, null);
        }

        AddMechanisms();
        candidates.RemoveAll(c => HistoryReader.IsTargeted(e, c.Therapy) && !c.IsRechallenge);
        ApplyFilters();
        return Finish(Setting.PostTargeted, line);
    }

    /// <summary>Why no TKI is left, in the patient's terms.</summary>
    private string ExhaustedBecause(Therapy? failedTki)
    {
        var failed = h.Failed.Where(f => HistoryReader.IsTargeted(e, f.Therapy)).Select(f => e.Name(f.Therapy)).ToList();
        var parts = new List<string>();
        if (failed.Count > 0)
        {
            parts.Add($"progression on {string.Join(" then ", failed)}");
        }

        foreach (var set in profile.Sets)
        {
            var resistant = e.Kb.Drugs.Where(d => d.Inhibits(kinase) && profile.Of(d.Therapy) == Activity.Resistant).Select(d => e.Name(d.Therapy)).ToList();
            if (resistant.Count > 0)
            {
                parts.Add($"{set.Name} ({set.Source}) resists {string.Join(", ", resistant)}");
            }
        }

        if (parts.Count == 0)
        {
            parts.Add(failedTki is null ? "no targeted therapy can be given here" : "no further TKI is supported");
        }

        return string.Join("; ", parts);
    }

    private Regimen? Table(RegimenSetting setting, Therapy? after)
    {
        // A small-cell table names no kinase: the SCLC guideline treats any fusion alike.
        Gene? driver = setting == RegimenSetting.SmallCell ? null : kinase;
        var what = $"{driver?.Code() ?? "any"} {setting.Code()}{(after is { } a ? $" after {a.Code()}" : "")}";
        // The table that applies on asOf for this driver, setting (and prior TKI); of several, the first by id.
        Regimen? table = null;
        Regimen? later = null;
        foreach (var r in e.Kb.Regimens)
        {
            if (r.Driver != driver || r.Setting != setting || (after is { } t && !r.After.Contains(t)))
            {
                continue;
            }

            if (!r.Applies.Contains(e.AsOf))
            {
                if (r.Applies.StartsAfter(e.AsOf) && (later is null || r.Applies.From < later.Applies.From))
                {
                    later = r;
                }

                continue;
            }

            if (table is null || string.CompareOrdinal(r.Id, table.Id) < 0)
            {
                table = r;
            }
        }

        if (table is null && later is not null)
        {
            noTableForDate = true;
            var msg = $"No {what} guideline table is encoded for {e.AsOfText}: the earliest the knowledge base holds ('{later.Id}', {e.Cite(later.Guideline)}) starts on {later.Applies.From?.Code()}, and its content is not applied before then. Decide by the guideline in force on that date.";
            e.Warn(WarningCodes.NoGuidelineTable, msg);
            e.Fire(RuleIds.NoGuidelineForDate, msg, [later.Guideline]);
        }

        if (table is not null)
        {
            e.Fire(RuleIds.GuidelineTable, $"{what}: {e.Cite(table.Guideline)} table '{table.Id}' in force on {e.AsOfText} lists {table.Listing}.", [table.Guideline, .. table.Provenance.Sources]);
        }

        return table;
    }

    /// <summary>The progression pattern in words for a rationale ("after systemic and CNS progression"), never its code.</summary>
    private static string ProgressionWords(ProgressionPattern? pattern) => pattern switch
    {
        ProgressionPattern.Systemic => "systemic progression",
        ProgressionPattern.Cns => "CNS-only progression",
        ProgressionPattern.Oligoprogression => "oligoprogression",
        ProgressionPattern.Both => "systemic and CNS progression",
        _ => "progression",
    };
}
