using System.Text;
using FusionGuide.Domain;
using FusionGuide.Knowledge;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>
/// patient-view cards from a result, written for a clinician who keeps the service on: diagnosis and next tests; the
/// recommended therapy (an order suggestion only for a drug the patient does not already take — otherwise "continue");
/// drugs to avoid; interactions; local therapy; monitoring. Summaries are words, not codes. A card is a warning only
/// when there is something to act on (a test to order, a diagnosis not settled, no therapy yet, a major interaction)
/// and critical when the patient takes something to avoid or contraindicated; the informational cards are merged
/// into at most <see cref="CdsHooksOptions.MaxInformationCards"/>. The FHIR reader's notices are in the report, not on a card.
/// </summary>
internal static class PatientViewCards
{
    public static IReadOnlyList<CdsCard> Build(Result r, Case c, CdsRequest request, CardKit kit, KnowledgeBase kb, int maxInformationCards)
    {
        var current = CurrentTherapies.Of(c);
        var cards = new List<CdsCard> { Diagnosis(r, kit), Therapy(r, current, request, kit, kb) };
        if (Avoid(r, current, kit, kb) is { } avoid)
        {
            cards.Add(avoid);
        }

        if (Interactions(r, kit, kb) is { } interactions)
        {
            cards.Add(interactions);
        }

        if (r.LocalTherapy.Count > 0)
        {
            var detail = Lines(r.LocalTherapy.Select(l => $"**{CardWords.Of(l.Therapy)}** ({CardWords.Of(l.Indication)}): {l.Rationale}"));
            cards.Add(kit.Card("local-therapy", "local-therapy", "Local therapy", "info",
                $"Local therapy to consider: {string.Join(", ", r.LocalTherapy.Select(l => CardWords.Of(l.Therapy)).Distinct())}", detail));
        }

        if (r.Monitoring.Count > 0)
        {
            var detail = Lines(r.Monitoring.Select(m => $"**{kb.Drug(m.Therapy).Name}**: {m.Item} — {m.Schedule}"));
            cards.Add(kit.Card("monitoring", "monitoring", "Monitoring", "info",
                $"Monitoring for {string.Join(", ", r.Monitoring.Select(m => kb.Drug(m.Therapy).Name).Distinct())}: {r.Monitoring.Count} item(s)", detail));
        }

        return InformationCards.AtMost(cards, maxInformationCards, kit);
    }

    /// <summary>Notices of the FHIR reader (what was skipped or assumed, unknown fields): for the report, not for a card.</summary>
    public static bool IsReaderNotice(Warning w) => w.Code.StartsWith("fhir-", StringComparison.Ordinal) || w.Code == "unknown-field";

    private static CdsCard Diagnosis(Result r, CardKit kit)
    {
        var d = r.Diagnosis;
        var partner = d.FusionPartner is { } p ? $" ({p} fusion partner)" : "";
        var next = d.NextTests.Count == 0 ? "no further test needed" : $"next: {string.Join(", ", d.NextTests.Select(t => $"{t.Gene} by {CardWords.Of(t.Method)}"))}";
        var detail = new StringBuilder();
        detail.AppendLine(Lines(d.Genes.Select(g => $"{g.Key}: {CardWords.Of(g.Value)}")));
        if (d.NextTests.Count > 0)
        {
            detail.AppendLine().AppendLine("**Next tests**").AppendLine(Lines(d.NextTests.Select(t => $"{t.Gene} by {CardWords.Of(t.Method)}: {t.Reason}")));
        }

        var warnings = d.Warnings.Concat(r.Warnings).Where(w => !IsReaderNotice(w)).Select(w => w.Message).Distinct().ToList();
        if (warnings.Count > 0)
        {
            detail.AppendLine().AppendLine("**Warnings**").AppendLine(Lines(warnings));
        }

        var notices = r.Warnings.Count(IsReaderNotice);
        if (notices > 0)
        {
            detail.AppendLine().AppendLine($"FusionGuide noted {notices} thing(s) about the record it could not read or read with an assumption: see the full report.");
        }

        // Something to act on: a diagnosis not settled, or a test to order.
        var indicator = d.Driver == Driver.Indeterminate || d.NextTests.Count > 0 ? "warning" : "info";
        var driver = char.ToUpperInvariant(CardWords.Of(d.Driver)[0]) + CardWords.Of(d.Driver)[1..];
        return kit.Card("diagnosis", "diagnosis", "Diagnosis and next tests", indicator, $"{driver}{partner}; {next}", detail.ToString().TrimEnd());
    }

    private static CdsCard Therapy(Result r, HashSet<Therapy> current, CdsRequest request, CardKit kit, KnowledgeBase kb)
    {
        var s = r.SystemicTherapy;
        var setting = CardWords.Setting(s);
        if (s.Options.Count == 0)
        {
            return kit.Card("therapy", "systemic-therapy", "Systemic therapy", "warning", $"No systemic therapy to recommend yet ({setting})",
                "FusionGuide recommends no systemic therapy until the diagnosis is settled; see the next tests and warnings.");
        }

        var first = s.Options[0];
        var name = kb.Drug(first.Therapy).Name;
        var detail = Lines(s.Options.Select((o, i) => $"{i + 1}. **{kb.Drug(o.Therapy).Name}** ({CardWords.Of(o.Preference)}): {o.Rationale}"));
        if (current.Contains(first.Therapy))
        {
            // Already taken: no order to place (an order suggestion would duplicate the patient's therapy).
            return kit.Card("therapy", "systemic-therapy", "Systemic therapy", "info", $"Continue {name} ({setting})", detail);
        }

        var suggestions = new List<CdsSuggestion>();
        if (r.Dosing.FirstOrDefault(d => d.Therapy == first.Therapy) is { } dose)
        {
            var order = MedicationRequestFactory.Create(first.Therapy, name, dose.Start, request.Context.PatientId, request.Context.EncounterId, kb);
            suggestions.Add(new CdsSuggestion
            {
                Label = CardKit.Clip($"Order {name} {dose.Start}"), Uuid = kit.Uuid($"therapy/order/{CardKit.Name(first.Therapy)}"), IsRecommended = true,
                Actions = [new CdsAction { Type = "create", Description = $"Propose {name} {dose.Start}", Resource = order }],
            });
        }

        return kit.Card("therapy", "systemic-therapy", "Systemic therapy", "info", $"{name} is the first choice ({setting})", detail, suggestions);
    }

    /// <summary>Critical when the patient takes a therapy to avoid; otherwise advice (information).</summary>
    private static CdsCard? Avoid(Result r, HashSet<Therapy> current, CardKit kit, KnowledgeBase kb)
    {
        var avoid = r.SystemicTherapy.Avoid;
        if (avoid.Count == 0)
        {
            return null;
        }

        var taken = avoid.Where(a => current.Contains(a.Therapy)).ToList();
        var detail = Lines(avoid.Select(a => $"**{kb.Drug(a.Therapy).Name}**: {a.Reason}"));
        return taken.Count > 0
            ? kit.Card("avoid", "avoid", "Therapies to avoid", "critical", $"The patient takes {string.Join(", ", taken.Select(a => kb.Drug(a.Therapy).Name))}, which should be avoided", detail)
            : kit.Card("avoid", "avoid", "Therapies to avoid", "info", $"Avoid {string.Join(", ", avoid.Select(a => kb.Drug(a.Therapy).Name))}", detail);
    }

    private static CdsCard? Interactions(Result r, CardKit kit, KnowledgeBase kb)
    {
        if (r.Interactions.Count == 0)
        {
            return null;
        }

        var worst = r.Interactions.Min(i => i.Severity);
        var indicator = worst == Severity.Contraindicated ? "critical" : worst == Severity.Major ? "warning" : "info";
        var detail = Lines(r.Interactions.Select(i => $"**{kb.Drug(i.Therapy).Name} + {i.With}** ({CardWords.Of(i.Severity)}): {i.Advice}"));
        var top = r.Interactions.First(i => i.Severity == worst);
        return kit.Card("interactions", "interactions", "Drug interactions", indicator,
            $"Interaction: {kb.Drug(top.Therapy).Name} + {top.With} ({CardWords.Of(worst)}){(r.Interactions.Count > 1 ? $" and {r.Interactions.Count - 1} more" : "")}", detail);
    }

    internal static string Lines(IEnumerable<string> lines) => string.Join("\n", lines.Select(l => l.Length > 0 && char.IsDigit(l[0]) ? l : $"- {l}"));
}
