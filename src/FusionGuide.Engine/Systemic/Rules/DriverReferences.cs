namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-REF-001: references the knowledge base ties to the other kinase only are not cited for this case; the trace names
/// the ones the options or avoid reasons would have cited. Sources: the rule catalogue.
/// </summary>
internal static class DriverReferences
{
    public const string Id = "SYS-REF-001";

    public static bool Keep(PlanState p, string reference) => !p.E.Kb.OfOtherKinase(reference, p.Kinase);

    public static void TraceDropped(PlanState p)
    {
        var dropped = p.Candidates.SelectMany(c => c.References).Concat(p.Avoid.References)
            .Where(r => !Keep(p, r)).Distinct().ToList();
        if (dropped.Count > 0)
        {
            p.E.Fire(Id, $"Not cited for this {p.KinaseCode}-driven case: {string.Join(", ", dropped.Select(p.E.Cite))} (the knowledge base ties them to the other kinase only).");
        }
    }
}
