using System.Text;
using FusionGuide.Domain;
using FusionGuide.Knowledge;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>
/// patient-view cards from a result: diagnosis and next tests; the recommended therapy (with a suggestion that
/// creates a MedicationRequest for the first choice at its start dose); drugs to avoid; interactions; local
/// therapy; monitoring. A section with nothing to say has no card.
/// </summary>
internal static class PatientViewCards
{
    public static IReadOnlyList<CdsCard> Build(Result r, Case c, CdsRequest request, CardKit kit, KnowledgeBase kb)
    {
        var cards = new List<CdsCard> { Diagnosis(r, kit) };
        cards.Add(Therapy(r, request, kit, kb));
        if (Avoid(r, c, kit, kb) is { } avoid)
        {
            cards.Add(avoid);
        }

        if (Interactions(r, kit, kb) is { } interactions)
        {
            cards.Add(interactions);
        }

        if (r.LocalTherapy.Count > 0)
        {
            var detail = Lines(r.LocalTherapy.Select(l => $"**{Codes.LocalTherapy.Code(l.Therapy)}** ({Codes.LocalIndication.Code(l.Indication)}): {l.Rationale}"));
            cards.Add(kit.Card("local-therapy", "local-therapy", "Local therapy", "info",
                $"Local therapy to consider: {string.Join(", ", r.LocalTherapy.Select(l => Codes.LocalTherapy.Code(l.Therapy)).Distinct())}", detail));
        }

        if (r.Monitoring.Count > 0)
        {
            var detail = Lines(r.Monitoring.Select(m => $"**{kb.Drug(m.Therapy).Name}**: {m.Item} — {m.Schedule}"));
            cards.Add(kit.Card("monitoring", "monitoring", "Monitoring", "info",
                $"Monitoring for {string.Join(", ", r.Monitoring.Select(m => kb.Drug(m.Therapy).Name).Distinct())}: {r.Monitoring.Count} item(s)", detail));
        }

        return cards;
    }

    private static CdsCard Diagnosis(Result r, CardKit kit)
    {
        var d = r.Diagnosis;
        var driver = Codes.Driver.Code(d.Driver);
        var partner = d.FusionPartner is { } p ? $" ({p} fusion partner)" : "";
        var next = d.NextTests.Count == 0 ? "no further test needed" : $"next: {string.Join(", ", d.NextTests.Select(t => $"{t.Gene} {Codes.TestMethod.Code(t.Method)}"))}";
        var detail = new StringBuilder();
        detail.AppendLine(Lines(d.Genes.Select(g => $"{g.Key}: {Codes.GeneStatus.Code(g.Value)}")));
        if (d.NextTests.Count > 0)
        {
            detail.AppendLine().AppendLine("**Next tests**").AppendLine(Lines(d.NextTests.Select(t => $"{t.Gene} by {Codes.TestMethod.Code(t.Method)}: {t.Reason}")));
        }

        var warnings = d.Warnings.Concat(r.Warnings).ToList();
        if (warnings.Count > 0)
        {
            detail.AppendLine().AppendLine("**Warnings**").AppendLine(Lines(warnings.Select(w => $"{w.Code}: {w.Message}")));
        }

        var indicator = d.Driver == Driver.Indeterminate || d.Warnings.Count > 0 ? "warning" : "info";
        return kit.Card("diagnosis", "diagnosis", "Diagnosis and next tests", indicator, $"Driver {driver}{partner}; {next}", detail.ToString().TrimEnd());
    }

    private static CdsCard Therapy(Result r, CdsRequest request, CardKit kit, KnowledgeBase kb)
    {
        var s = r.SystemicTherapy;
        var setting = $"{Codes.Setting.Code(s.Setting)}{(s.Line is { } l ? $", line {l}" : "")}";
        if (s.Options.Count == 0)
        {
            return kit.Card("therapy", "systemic-therapy", "Systemic therapy", "warning", $"No systemic therapy to recommend yet ({setting})",
                "FusionGuide recommends no systemic therapy until the diagnosis is settled; see the next tests and warnings.");
        }

        var first = s.Options[0];
        var name = kb.Drug(first.Therapy).Name;
        var detail = Lines(s.Options.Select((o, i) => $"{i + 1}. **{kb.Drug(o.Therapy).Name}** ({Codes.Preference.Code(o.Preference)}): {o.Rationale} [{string.Join(", ", o.References)}]"));
        var suggestions = new List<CdsSuggestion>();
        if (r.Dosing.FirstOrDefault(d => d.Therapy == first.Therapy) is { } dose)
        {
            var order = MedicationRequestFactory.Create(first.Therapy, name, dose.Start, request.Context.PatientId, request.Context.EncounterId);
            suggestions.Add(new CdsSuggestion
            {
                Label = CardKit.Clip($"Order {name} {dose.Start}"), Uuid = kit.Uuid($"therapy/order/{CardKit.Name(first.Therapy)}"), IsRecommended = true,
                Actions = [new CdsAction { Type = "create", Description = $"Propose {name} {dose.Start}", Resource = order }],
            });
        }

        return kit.Card("therapy", "systemic-therapy", "Systemic therapy", "info", $"{name} is the first choice ({setting})", detail, suggestions);
    }

    private static CdsCard? Avoid(Result r, Case c, CardKit kit, KnowledgeBase kb)
    {
        var avoid = r.SystemicTherapy.Avoid;
        if (avoid.Count == 0)
        {
            return null;
        }

        var current = c.History.Where(h => h.StopReason == StopReason.Ongoing || h.StopReason == StopReason.Progression && h.End is null).Select(h => h.Therapy).ToHashSet();
        var indicator = avoid.Any(a => current.Contains(a.Therapy)) ? "critical" : "warning";
        var detail = Lines(avoid.Select(a => $"**{kb.Drug(a.Therapy).Name}**: {a.Reason}"));
        return kit.Card("avoid", "avoid", "Therapies to avoid", indicator, $"Avoid {string.Join(", ", avoid.Select(a => kb.Drug(a.Therapy).Name))}", detail);
    }

    private static CdsCard? Interactions(Result r, CardKit kit, KnowledgeBase kb)
    {
        if (r.Interactions.Count == 0)
        {
            return null;
        }

        var worst = r.Interactions.Min(i => i.Severity);
        var indicator = worst == Severity.Contraindicated ? "critical" : worst == Severity.Major ? "warning" : "info";
        var detail = Lines(r.Interactions.Select(i => $"**{kb.Drug(i.Therapy).Name} + {i.With}** ({Codes.Severity.Code(i.Severity)}): {i.Advice}"));
        var top = r.Interactions.First(i => i.Severity == worst);
        return kit.Card("interactions", "interactions", "Drug interactions", indicator,
            $"Interaction: {kb.Drug(top.Therapy).Name} + {top.With} ({Codes.Severity.Code(worst)}){(r.Interactions.Count > 1 ? $" and {r.Interactions.Count - 1} more" : "")}", detail);
    }

    private static string Lines(IEnumerable<string> lines) => string.Join("\n", lines.Select(l => l.Length > 0 && char.IsDigit(l[0]) ? l : $"- {l}"));
}
