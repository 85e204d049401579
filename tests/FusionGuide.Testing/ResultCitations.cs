namespace FusionGuide.Testing;

/// <summary>Every reference id a result cites, anywhere in it (shared by the rendering tests and the rendering property).</summary>
public static class ResultCitations
{
    public static IEnumerable<string> CitedIds(FusionGuide.Domain.Result r) =>
        new[]
        {
            r.Diagnosis.NextTests.SelectMany(t => t.References ?? []),
            r.SystemicTherapy.Options.SelectMany(o => o.References),
            r.SystemicTherapy.Avoid.SelectMany(a => a.References ?? []),
            r.LocalTherapy.SelectMany(l => l.References ?? []),
            (r.BrainPlan ?? []).SelectMany(b => b.References ?? []),
            r.Dosing.SelectMany(d => d.References ?? []),
            r.ToxicityManagement.SelectMany(t => t.References ?? []),
            r.Monitoring.SelectMany(m => m.References ?? []),
            r.Interactions.SelectMany(i => i.References ?? []),
            (r.Evidence ?? []).SelectMany(x => x.References),
            r.Trace.SelectMany(t => t.References),
        }.SelectMany(ids => ids).Distinct(StringComparer.Ordinal);
}
