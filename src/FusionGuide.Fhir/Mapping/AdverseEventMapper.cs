using System.Text.RegularExpressions;
using FusionGuide.Domain;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// AdverseEvent → an adverse event with its CTCAE grade (the CTCAE IG's <c>ctcae-grade</c> extension) and the
/// suspected therapy. The event is read from SNOMED CT codes, else from CTCAE/MedDRA terms ("Alanine aminotransferase
/// increased") or words matching the contract's events ("Sinus bradycardia").
/// </summary>
internal static class AdverseEventMapper
{
    private static readonly Dictionary<string, AdverseEventCode> Snomed = new(StringComparer.Ordinal)
    {
        ["302870006"] = AdverseEventCode.Hypertriglyceridemia, ["13644009"] = AdverseEventCode.Hypercholesterolemia,
        ["205237003"] = AdverseEventCode.Pneumonitis, ["38341003"] = AdverseEventCode.Hypertension, ["48867003"] = AdverseEventCode.Bradycardia,
        ["62315008"] = AdverseEventCode.Diarrhea, ["422587007"] = AdverseEventCode.Nausea, ["267038008"] = AdverseEventCode.Edema,
        ["271737000"] = AdverseEventCode.Anemia, ["165517008"] = AdverseEventCode.Neutropenia, ["80394007"] = AdverseEventCode.Hyperglycemia,
        ["404640003"] = AdverseEventCode.Dizziness, ["302226006"] = AdverseEventCode.PeripheralNeuropathy, ["111975006"] = AdverseEventCode.QtcProlongation,
        ["8943002"] = AdverseEventCode.WeightGain,

        // Labels name the event "Interstitial Lung Disease (ILD)/Pneumonitis": the contract's pneumonitis covers both
        // (S21D: an ILD grade 3 on brigatinib was dropped, and the card said to continue brigatinib).
        ["233703007"] = AdverseEventCode.Pneumonitis,
    };

    /// <summary>
    /// CTCAE v5 / MedDRA terms (and their usual short forms) whose words are not the contract's event name. Read only
    /// when no SNOMED CT code maps; whole words, so "ILD" is not read inside another word.
    /// </summary>
    private static readonly (Regex Term, AdverseEventCode Event)[] Terms =
    [
        (new(@"\binterstitial\s+lung\s+disease\b|\bILD\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), AdverseEventCode.Pneumonitis),
        (new(@"\b(alanine|aspartate)\s+aminotransferase\s+increased\b|\btransaminases?\s+(increased|elevat)|\b(ALT|AST)\s+(increased|elevat)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), AdverseEventCode.AltAstElevation),
        (new(@"\belectrocardiogram\s+QT\s+corrected\s+interval\s+prolonged\b|\bQTc?\s+(interval\s+)?prolong", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), AdverseEventCode.QtcProlongation),
        (new(@"\b(CPK|CK)\s+(increased|elevat)|\bcreatine\s+(phospho)?kinase\s+(increased|elevat)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), AdverseEventCode.CkElevation),
    ];

    /// <summary>Event text that says the event did not occur ("No ILD", "Negative for pneumonitis"): never read as the event.</summary>
    private static readonly Regex Denied = new(@"^\s*(no|not|none|without|denies|denied|negative\s+for|absence\s+of|ruled\s+out)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static void Map(Hl7.Fhir.Model.AdverseEvent a, string path, MappingContext ctx)
    {
        if (a.Event?.Coding.Count is null or 0 && Denied.IsMatch(Terminology.Words(a.Event)))
        {
            // An uncoded text denying the event was read as grade 3 pneumonitis ("No ILD").
            ctx.Warn($"{path}.event", $"the adverse event text {Terminology.Describe(a.Event)} says the event did not occur: not read");
            return;
        }

        var ev = Event(a.Event);
        if (ev is null)
        {
            ctx.Warn($"{path}.event", $"the adverse event {Terminology.Describe(a.Event)} is not one of the contract's events: not read");
            return;
        }

        var gradeIndex = a.Extension.FindIndex(e => e.Url == Terminology.CtcaeGradeExtension);
        int? grade = gradeIndex < 0 ? null : a.Extension[gradeIndex].Value switch
        {
            Integer i => i.Value,
            CodeableConcept cc => cc.Coding.Select(c => int.TryParse(c.Code, out var n) ? n : (int?)null).FirstOrDefault(n => n is not null),
            _ => null,
        };
        if (grade is null or < 1 or > 5)
        {
            ctx.Warn(gradeIndex < 0 ? $"{path}.extension" : $"{path}.extension[{gradeIndex}]", $"the {Codes.AdverseEventCode.Code(ev.Value)} event has no CTCAE grade 1–5 (ctcae-grade extension): not read");
            return;
        }

        Therapy? therapy = null;
        foreach (var s in a.SuspectEntity)
        {
            var concept = s.Instance switch
            {
                ResourceReference r => ctx.Resolve<Medication>(r)?.Code ?? (ctx.Resolve<MedicationStatement>(r) is { } ms ? TherapyReader.Concept(ms.Medication, ctx, ms) : null)
                    ?? (ctx.Resolve<MedicationRequest>(r) is { } mr ? TherapyReader.Concept(mr.Medication, ctx, mr) : null) ?? (r.Display is { } d ? new CodeableConcept { Text = d } : null),
                _ => null,
            };
            therapy ??= MedicationCodes.Therapy(MedicationCodes.Name(concept, ctx.Kb), ctx.Kb);
        }

        ctx.Draft.AdverseEvents.Add(new Domain.AdverseEvent { Event = ev.Value, Grade = grade.Value, Therapy = therapy });
    }

    private static AdverseEventCode? Event(CodeableConcept? cc)
    {
        var code = cc?.Coding.Where(c => c.System == Terminology.Snomed).Select(c => c.Code).FirstOrDefault(c => c is not null && Snomed.ContainsKey(c));
        if (code is not null)
        {
            return Snomed[code];
        }

        var words = Terminology.Words(cc).Replace("aemia", "emia", StringComparison.OrdinalIgnoreCase).Replace("oea", "ea", StringComparison.OrdinalIgnoreCase);
        if (Terms.FirstOrDefault(t => t.Term.IsMatch(words)) is { Term: not null } term)
        {
            return term.Event;
        }

        return Codes.AdverseEventCode.Values.Where(v => v != AdverseEventCode.Other)
            .FirstOrDefault(v => Terminology.Mentions(words, Codes.AdverseEventCode.Code(v).Replace('-', ' ')), AdverseEventCode.Other) is var hit && hit != AdverseEventCode.Other ? hit : null;
    }
}
