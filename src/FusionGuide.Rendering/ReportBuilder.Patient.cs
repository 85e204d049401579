using System.Globalization;

namespace FusionGuide.Rendering;

internal static partial class ReportBuilder
{
    /// <summary>
    /// "Patient and findings": the case's inputs restated in sentences, so a printed report can be read without the
    /// case file. Everything here is the caller's input, in words; nothing is inferred.
    /// </summary>
    private static Section Patient(Case c, string? asOf)
    {
        var progression = c.Tests.Where(t => t.EffectiveTiming == TestTiming.Progression).ToList();
        Fact[] facts =
        [
            new("Patient", Cell.Of(PatientSentence(c.Patient))),
            new("Tumour", Cell.Of(TumourSentence(c.Tumor))),
            new("Tests", Cell.Of(c.Tests.Count == 0 ? "No biomarker test reported yet." : string.Join(" ", c.Tests.Select(TestSentence)))),
            new("Resistance findings", Cell.Of(ResistanceSentence(progression))),
            new("Brain metastases", Cell.Of(BrainSentence(c.Disease.BrainMetastases))),
            new("Other disease", Cell.Of(DiseaseSentence(c.Disease))),
            new("Systemic therapy so far", Cell.Of(c.History.Count == 0 ? "None: no systemic therapy given yet." : string.Join(" ", c.History.Select((h, i) => HistorySentence(h, i, i == c.History.Count - 1))))),
            new("Adverse events", Cell.Of(c.AdverseEvents.Count == 0 ? "None reported." : string.Join(" ", c.AdverseEvents.Select(EventSentence)))),
            new("Comorbidities", Cell.Of(c.Comorbidities.Count == 0 ? "None reported." : Prose.Sentence(Prose.List(c.Comorbidities.Select(Labels.Of))))),
            new("Co-medications", Cell.Of(c.Medications.Count == 0 ? "None reported." : Prose.Sentence(Prose.List(c.Medications)))),
            new("Region and availability", Cell.Of(ContextSentence(c.Context))),
            new("Evaluation date", Cell.Of(asOf ?? NotStated)),
        ];
        return new Section("patient", "Patient and findings", [new Facts(facts)]);
    }

    private static string PatientSentence(Patient p)
    {
        var who = p.Sex is { } sex ? Labels.Of(sex) : "patient";
        var age = p.Age is { } a ? $"{a}-year-old {who}" : who;
        var parts = new List<string> { age };
        if (p.Smoking is { } s and not Smoking.Unknown)
        {
            parts.Add(s == Smoking.Never ? "never smoker" : $"{Codes.Smoking.Code(s)} smoker");
        }

        parts.Add(p.Ecog is { } ecog ? $"ECOG {ecog}" : "ECOG not stated");
        return Prose.Sentence(string.Join(", ", parts));
    }

    private static string TumourSentence(Tumor t)
    {
        var histology = t.Histology is { } h ? Labels.Of(h) : "histology not stated";
        var stage = t.Stage is { } s ? $"stage {Codes.Stage.Code(s)}" : "stage not stated";
        var text = $"{histology}, {stage}";
        if (t.Resected == true)
        {
            text += "; primary completely resected";
        }

        if (t.Transformation is { } tr)
        {
            text += $"; {Labels.Of(tr)} transformation seen at progression";
        }

        return Prose.Sentence(text);
    }

    private static string TestSentence(BiomarkerTest t)
    {
        var how = $"{Codes.Gene.Code(t.Gene)} by {Labels.Of(t.Method)}{(t.IhcClone is { } clone ? $" ({Labels.Of(clone)})" : "")}";
        var where = t.Sample is { } s ? $" on {Labels.Of(s)}" : "";
        var when = t.EffectiveTiming == TestTiming.Progression ? " at progression" : " at diagnosis";
        var date = string.IsNullOrWhiteSpace(t.Date) ? "" : $" ({t.Date})";
        var details = new List<string>();
        details.Add(t.Result is { } r ? Labels.Of(r) : "no call reported");
        if (t.PercentRearrangedCells is { } pct)
        {
            details.Add(t.CellsScored is { } n ? $"{Number(pct)}% of {n} cells rearranged" : $"{Number(pct)}% of cells rearranged");
        }

        if (t.Intensity is { } intensity)
        {
            details.Add($"intensity {intensity}");
        }

        if (t.PercentStainedCells is { } stained)
        {
            details.Add($"{Number(stained)}% of cells stained");
        }

        if (t.Tps is { } tps)
        {
            details.Add($"TPS {Number(tps)}%");
        }

        if (!string.IsNullOrWhiteSpace(t.FusionPartner))
        {
            details.Add($"fusion partner {t.FusionPartner}");
        }

        if (!string.IsNullOrWhiteSpace(t.Variant))
        {
            details.Add($"variant {t.Variant}");
        }

        return Prose.Sentence($"{how}{where}{when}{date}: {string.Join(", ", details)}");
    }

    private static string ResistanceSentence(List<BiomarkerTest> atProgression)
    {
        if (atProgression.Count == 0)
        {
            return "No test at progression reported.";
        }

        var findings = atProgression.SelectMany(t => t.Mutations.Select(m => $"{Codes.Gene.Code(t.Gene)} {m}").Concat(t.Alterations)).Distinct(StringComparer.Ordinal).ToList();
        return findings.Count == 0
            ? "No resistance mutation or other alteration reported at progression."
            : Prose.Sentence($"At progression: {Prose.List(findings)}");
    }

    private static string BrainSentence(BrainMetastases? b)
    {
        if (b?.Present is not { } present)
        {
            return "Not stated.";
        }

        if (!present)
        {
            return "None.";
        }

        var parts = new List<string>();
        if (b.Count is { } n)
        {
            parts.Add(n == 1 ? "1 lesion" : $"{n} lesions");
        }

        if (b.LargestMm is { } mm)
        {
            parts.Add($"largest {Number(mm)} mm");
        }

        AddFlag(parts, b.Symptomatic, "symptomatic", "asymptomatic");
        AddFlag(parts, b.MassEffect, "with mass effect", "no mass effect");
        AddFlag(parts, b.Leptomeningeal, "leptomeningeal disease", "no leptomeningeal disease");
        return Prose.Sentence(parts.Count == 0 ? "Present" : $"Present: {string.Join(", ", parts)}");
    }

    private static void AddFlag(List<string> parts, bool? flag, string yes, string no)
    {
        if (flag is { } f)
        {
            parts.Add(f ? yes : no);
        }
    }

    private static string DiseaseSentence(Disease d)
    {
        var sites = d.Sites.Where(s => s != MetastaticSite.Brain).Select(Labels.Of).ToList();
        var parts = new List<string> { sites.Count == 0 ? "no metastatic site other than the brain reported" : $"metastatic sites: {Prose.List(sites)}" };
        if (d.LesionCount is { } n)
        {
            parts.Add($"{n} metastatic lesion{(n == 1 ? "" : "s")} in all");
        }

        AddFlag(parts, d.CentralAirwayObstruction, "central airway obstruction", "no central airway obstruction");
        return Prose.Sentence(string.Join("; ", parts));
    }

    private static string HistorySentence(HistoryEntry h, int index, bool last)
    {
        var span = (h.Start, h.End) switch
        {
            ({ } s, { } e) => $" from {s} to {e}",
            ({ } s, null) => $" from {s}",
            (null, { } e) => $" until {e}",
            _ => "",
        };
        // Progression with no end date on the last therapy is one still taken beyond progression (contract): not
        // "stopped". An earlier one was followed by another therapy, so it was stopped, its end date unrecorded.
        var why = h.StopReason is StopReason.Progression && h.End is null && last ? ", progressed on it and still taken"
            : h.StopReason is { } r ? $", {Labels.Of(r)}" : h.End is null ? "" : ", reason for stopping not stated";
        var pattern = h.ProgressionPattern is { } p ? $" ({Labels.Of(p)})" : "";
        return $"{index + 1}. {Prose.Sentence($"{Labels.Of(h.Therapy)}{span}{why}{pattern}")}";
    }

    private static string EventSentence(AdverseEvent ae) =>
        Prose.Sentence($"grade {ae.Grade} {Labels.Of(ae.Event)}{(ae.Therapy is { } t ? $" on {Labels.Of(t)}" : ", no therapy named")}");

    private static string ContextSentence(CaseContext c)
    {
        var parts = new List<string> { c.Region is { } r ? $"{Labels.Of(r)} approvals apply" : "region not stated" };
        if (c.Unavailable.Count > 0)
        {
            parts.Add($"the site cannot obtain {Prose.List(c.Unavailable.Select(Labels.Of))}");
        }

        if (c.Available is { } available)
        {
            parts.Add(available.Count == 0 ? "the site can obtain no listed therapy" : $"the site can obtain only {Prose.List(available.Select(Labels.Of))}");
        }

        return Prose.Sentence(string.Join("; ", parts));
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
