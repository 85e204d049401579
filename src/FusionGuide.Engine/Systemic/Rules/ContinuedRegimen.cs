using FusionGuide.Engine.Treatment;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-CONT-004: a chemotherapy (or other non-targeted) regimen taken now without recorded progression, which the plan
/// after the last TKI still offers, is continued — the one option, as a TKI that controls the disease is (SYS-CONT-001),
/// not listed as if it were still to start beside other first regimens; what follows it is said as what comes next
/// (SYS-NEXT-001). The continued row keeps the table's citations and placement. Sources: the rule catalogue and that table.
/// </summary>
internal static class ContinuedRegimen
{
    public const string Id = "SYS-CONT-004";

    public static void Apply(PlanState p)
    {
        if (p.H.Ongoing is not { } now || p.IsTargeted(now.Therapy) || p.Candidates.FirstOrDefault(c => c.Therapy == now.Therapy) is not { } offered)
        {
            return;
        }

        var name = p.Name(now.Therapy);
        var since = HistoryReader.Since(now);
        var unverified = offered.PlacementUnverified ? "; guideline placement not yet verified" : "";
        var listed = offered.Placement is { } placement && offered.PlacementSource is { } where ? $" ({where} lists it as {placement}{unverified})" : "";
        var evidence = $"On {name}{since} without recorded progression: continue it{listed}";
        var kept = new Candidate(now.Therapy, offered.Preference, evidence, 0) { IsContinuation = true };
        kept.Cite(offered.References);
        p.Candidates.Clear();
        p.Candidates.Add(kept);
        p.E.Fire(Id, $"{evidence}.", p.E.Kb.Rule(Id)?.Provenance.Sources ?? []);
    }
}
