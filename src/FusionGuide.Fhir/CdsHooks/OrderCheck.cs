using System.Globalization;
using FusionGuide.Domain;
using FusionGuide.Fhir.Mapping;
using FusionGuide.Knowledge;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>
/// order-select / order-sign: each drafted ALK/ROS1 TKI MedicationRequest is checked against the result — a
/// therapy to avoid (resistance, prior progression, intolerance, access), a contraindicated or major interaction,
/// a therapy not among the options, and a dose that is not a labelled level. Each drafted co-medication (an order
/// that is not a systemic therapy) is checked against the current TKI and the targeted options: a contraindicated or
/// major interaction is a card, and a medication FusionGuide does not know is an information card saying so (so that
/// no card never means "not checked"). A sound order gets no card.
/// </summary>
internal static class OrderCheck
{
    public static IReadOnlyList<CdsCard> Build(Result r, Case @case, CdsRequest request, CardKit kit, KnowledgeBase kb)
    {
        var cards = new List<CdsCard>();
        var inPlay = r.Dosing.Where(d => kb.Drug(d.Therapy).IsTargeted).Select(d => kb.Drug(d.Therapy).Name).Distinct().ToList();
        foreach (var order in Drafts(request))
        {
            var key = $"order/{order.Id ?? "draft"}";
            if (MedicationResolver.Resolve(TherapyName(order), kb) is not { } medication)
            {
                continue;
            }

            if (medication.Unresolved is { } unresolved)
            {
                // A coded order FusionGuide cannot name still gets a card while a TKI is in play: no card never means "not checked".
                if (inPlay.Count > 0)
                {
                    cards.Add(kit.Card($"{key}/unresolved", "order-check", "Order check", "info", $"FusionGuide cannot identify the ordered medication (RxNorm {Terminology.Code(TherapyName(order), Terminology.RxNorm)})",
                        $"{unresolved}. Check it against {string.Join(", ", inPlay)} in the labels (CYP3A induction or inhibition, QT prolongation, bradycardia) before ordering."));
                }

                continue;
            }

            if (medication.Disagreement is { } disagreement)
            {
                cards.Add(kit.Card($"{key}/code-and-name", "order-check", "Order check", "warning", $"The order's code and name disagree: {medication.Label}",
                    $"In this order {disagreement}."));
            }

            foreach (var name in CoMedicationNames(medication))
            {
                CoMedication(r, @case, order, name, cards, kit, kb, inPlay);
            }

            foreach (var t in medication.Ingredients.Select(i => i.Therapy).OfType<Therapy>().Where(t => kb.Drug(t).IsTargeted))
            {
                Tki(r, @case, order, t, request, cards, kit, kb);
            }
        }

        return cards;
    }

    /// <summary>Cards for a drafted ALK/ROS1 TKI: to avoid, not an option, its interactions, a dose that is not labelled.</summary>
    private static void Tki(Result r, Case @case, MedicationRequest order, Therapy t, CdsRequest request, List<CdsCard> cards, CardKit kit, KnowledgeBase kb)
    {
        var name = kb.Drug(t).Name;
        var replace = Replacement(r, @case, t, order, request, kit, kb);
        var key = $"order/{order.Id ?? CardKit.Name(t)}";
        if (r.SystemicTherapy.Avoid.FirstOrDefault(a => a.Therapy == t) is { } avoid)
        {
            cards.Add(kit.Card($"{key}/avoid", "order-check", "Order check", "critical", $"{name} should be avoided for this patient", avoid.Reason, replace));
        }
        else if (r.SystemicTherapy.Options.All(o => o.Therapy != t))
        {
            cards.Add(kit.Card($"{key}/not-an-option", "order-check", "Order check", "warning", $"{name} is not among the options for this patient",
                $"FusionGuide's options ({CardWords.Setting(r.SystemicTherapy)}): {string.Join(", ", r.SystemicTherapy.Options.Select(o => kb.Drug(o.Therapy).Name))}.", replace));
        }

        foreach (var i in r.Interactions.Where(i => i.Therapy == t && i.Severity is Severity.Contraindicated or Severity.Major))
        {
            var critical = i.Severity == Severity.Contraindicated;
            cards.Add(kit.Card($"{key}/interaction/{i.With}", "order-check", "Order check", critical ? "critical" : "warning",
                $"{name} + {i.With}: {Codes.Severity.Code(i.Severity)} interaction", i.Advice));
        }

        DoseCard(order, t, key, name, cards, kit, kb);
    }

    /// <summary>
    /// The dose card: critical far above the label, a warning for another unlabelled level, information when the dose
    /// could not be read (never silence: no card means the dose was checked and is a labelled level).
    /// </summary>
    private static void DoseCard(MedicationRequest order, Therapy t, string key, string name, List<CdsCard> cards, CardKit kit, KnowledgeBase kb)
    {
        var finding = DoseCheck.Check(order, kb.Drug(t));
        var label = $"Labelled start: {string.Join("; ", kb.Drug(t).Dosing.Select(d => d.StartAndScope))}. Reductions: {string.Join("; ", kb.Drug(t).Dosing.SelectMany(d => d.Reductions))}.";
        static string Mg(decimal? mg) => $"{mg?.ToString("0.##", CultureInfo.InvariantCulture)} mg a day";
        switch (finding.Verdict)
        {
            case DoseVerdict.FarAbove:
                cards.Add(kit.Card($"{key}/dose", "order-check", "Order check", "critical", $"{name} {finding.Drafted} is far above the labelled dose ({finding.Excess})",
                    $"The order gives {Mg(finding.Daily)} ({finding.Excess}): at least {DoseCheck.FarAboveFactor.ToString("0", CultureInfo.InvariantCulture)} times the highest labelled daily dose or single dose. {label}"));
                break;
            case DoseVerdict.NotLabelled:
                cards.Add(kit.Card($"{key}/dose", "order-check", "Order check", "warning", $"{name} dose {finding.Drafted} is not a labelled level", label));
                break;
            case DoseVerdict.NotChecked:
                cards.Add(kit.Card($"{key}/dose", "order-check", "Order check", "info", $"{name} dose not checked: FusionGuide could not read it",
                    $"The order's dose could not be compared with the label ({finding.Why}). FusionGuide reads a dose in mg with timing.repeat (frequency per period in hours, days or weeks) or a timing code (QD, BID, TID…), or dose text such as \"100 mg once daily\". Check the dose against the label. {label}"));
                break;
            case DoseVerdict.Labelled:
            default:
                break;
        }
    }

    /// <summary>The case with each drafted co-medication (a drafted order that is not a systemic therapy) among its medications.</summary>
    public static Case WithDraftedCoMedications(Case @case, CdsRequest request, KnowledgeBase kb)
    {
        var added = Drafts(request).Select(o => MedicationResolver.Resolve(TherapyName(o), kb)).OfType<ResolvedMedication>().SelectMany(CoMedicationNames)
            .Where(n => !@case.Medications.Contains(n, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return added.Count == 0 ? @case : @case with { Medications = [.. @case.Medications, .. added] };
    }

    /// <summary>
    /// The co-medications a drafted order holds: every ingredient that is not anticancer treatment (an EGFR TKI in an
    /// interaction class counts), or the order's words when FusionGuide knows none of it.
    /// </summary>
    private static IEnumerable<string> CoMedicationNames(ResolvedMedication m) => m.Ingredients.Count == 0 ? m.Names
        : m.Ingredients.Where(i => i.Therapy is null && (i.Anticancer is null || i.Anticancer == Knowledge.Medications.AnticancerClass.EgfrTki)).Select(i => i.Name);

    private static IEnumerable<MedicationRequest> Drafts(CdsRequest request) =>
        request.Context.DraftOrders?.Entry.Select(e => e.Resource).OfType<MedicationRequest>() ?? [];

    /// <summary>Cards for a drafted co-medication: its contraindicated or major interactions with the TKIs in play, or that it is unknown.</summary>
    private static void CoMedication(Result r, Case @case, MedicationRequest order, string drafted, List<CdsCard> cards, CardKit kit, KnowledgeBase kb, List<string> inPlay)
    {
        var key = $"order/{order.Id ?? drafted}/{drafted}";
        var (generic, _) = kb.Medication(drafted);
        if (generic is null)
        {
            // Only when there is a TKI to check against (the current one or the options'): otherwise nothing is at stake.
            if (inPlay.Count == 0)
            {
                return;
            }

            cards.Add(kit.Card($"{key}/unknown-medication", "order-check", "Order check", "info", $"FusionGuide cannot check {drafted}: not in its interaction tables",
                $"Check {drafted} against {string.Join(", ", inPlay)} in the labels (CYP3A induction or inhibition, QT prolongation, bradycardia) before ordering."));
            return;
        }

        var current = CurrentTherapies.Of(@case);
        foreach (var i in r.Interactions.Where(i => string.Equals(i.With, drafted, StringComparison.OrdinalIgnoreCase) && i.Severity is Severity.Contraindicated or Severity.Major))
        {
            var name = kb.Drug(i.Therapy).Name;
            var role = current.Contains(i.Therapy) ? "the patient's current therapy"
                : r.SystemicTherapy.Options.Count > 0 && r.SystemicTherapy.Options[0].Therapy == i.Therapy ? "FusionGuide's first choice for this patient"
                : "one of FusionGuide's options for this patient";
            cards.Add(kit.Card($"{key}/interaction/{CardKit.Name(i.Therapy)}", "order-check", "Order check", i.Severity == Severity.Contraindicated ? "critical" : "warning",
                $"{drafted} + {name}: {Codes.Severity.Code(i.Severity)} interaction", $"{name} is {role}. {i.Advice}"));
        }
    }

    /// <summary>The order's medication: its concept, the Medication it contains (<c>#med1</c>), or the reference's display.</summary>
    private static CodeableConcept? TherapyName(MedicationRequest order) => order.Medication switch
    {
        CodeableConcept cc => cc,
        ResourceReference rr => (rr.Reference is ['#', .. var id] ? order.Contained.OfType<Medication>().FirstOrDefault(m => m.Id == id)?.Code : null)
            ?? (rr.Display is { } d ? new CodeableConcept { Text = d } : null),
        _ => null,
    };

    /// <summary>
    /// Replace the draft with the engine's first choice at its start dose (when that is another drug). When the first
    /// choice is what the patient already takes, no new order is proposed: only removing the draft (continue it).
    /// </summary>
    private static List<CdsSuggestion> Replacement(Result r, Case @case, Therapy drafted, MedicationRequest order, CdsRequest request, CardKit kit, KnowledgeBase kb)
    {
        var first = r.SystemicTherapy.Options.Count > 0 ? r.SystemicTherapy.Options[0] : null;
        if (first is null || first.Therapy == drafted || r.Dosing.FirstOrDefault(d => d.Therapy == first.Therapy) is not { } dose)
        {
            return [];
        }

        var name = kb.Drug(first.Therapy).Name;
        if (CurrentTherapies.Of(@case).Contains(first.Therapy))
        {
            return string.IsNullOrEmpty(order.Id) ? [] :
            [
                new CdsSuggestion
                {
                    Label = CardKit.Clip($"Remove this order and continue {name}"), Uuid = kit.Uuid($"order/{order.Id}/continue/{CardKit.Name(first.Therapy)}"), IsRecommended = true,
                    Actions = [new CdsAction { Type = "delete", Description = $"Remove the draft order of {kb.Drug(drafted).Name}; {name} is continued", ResourceId = $"MedicationRequest/{order.Id}" }],
                },
            ];
        }

        var actions = new List<CdsAction>();
        if (!string.IsNullOrEmpty(order.Id))
        {
            actions.Add(new CdsAction { Type = "delete", Description = $"Remove the draft order of {kb.Drug(drafted).Name}", ResourceId = $"MedicationRequest/{order.Id}" });
        }

        actions.Add(new CdsAction
        {
            Type = "create", Description = $"Propose {name} {dose.Start}",
            Resource = MedicationRequestFactory.Create(first.Therapy, name, dose.Start, request.Context.PatientId, request.Context.EncounterId, kb),
        });
        return [new CdsSuggestion { Label = CardKit.Clip($"Replace with {name} {dose.Start}"), Uuid = kit.Uuid($"order/{order.Id}/replace/{CardKit.Name(first.Therapy)}"), IsRecommended = true, Actions = actions }];
    }

}
