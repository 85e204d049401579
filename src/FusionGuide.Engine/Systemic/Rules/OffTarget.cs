using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-RES-004: an off-target resistance mechanism found at progression (MET amplification, a bypass alteration, a
/// histologic transformation) brings the therapies its record names. Sources: the rule catalogue and the mechanism record.
/// </summary>
internal static class OffTarget
{
    public const string Id = "SYS-RES-004";

    /// <summary>Mechanism candidates lead their preference group: they answer the finding itself.</summary>
    private const int FirstOrder = -100;

    public static void AddMechanisms(PlanState p)
    {
        if (p.MechanismsAdded)
        {
            return;
        }

        p.MechanismsAdded = true;
        var i = 0;
        foreach (var alteration in p.Dx.Alterations)
        {
            var m = p.E.Kb.OffTarget.FirstOrDefault(x => x.Alteration == alteration && x.Gene == p.Kinase)
                ?? p.E.Kb.OffTarget.FirstOrDefault(x => x.Alteration == alteration && x.Gene is null);
            if (m is null)
            {
                continue;
            }

            p.E.Fire(Id, $"{alteration} at progression (off-target resistance): {m.Approach}", m.Provenance.Sources);
            AddMechanism(p, m, FirstOrder + i++);
        }
    }

    /// <summary>The mechanism's therapies as candidates, or as a note on a candidate already there.</summary>
    public static void AddMechanism(PlanState p, OffTargetMechanism m, int order)
    {
        p.E.UsedUnverified(m.Id, m.Provenance);
        var found = m.Alteration ?? $"{m.Transformation?.Code()} transformation";
        foreach (var t in m.Therapies)
        {
            var existing = p.Candidates.FirstOrDefault(c => c.Therapy == t.Therapy && c.Combination is null);
            if (existing is not null)
            {
                existing.Notes.Add($"{found} found at progression: {t.Rationale}");
                existing.Cite(m.Provenance.Sources);
                continue;
            }

            var c = new Candidate(t.Therapy, t.Preference, $"{found} found at progression: {t.Rationale}", order);
            c.Cite(m.Provenance.Sources);
            p.Candidates.Add(c);
        }

        TkiCombinations.Add(p, m);
    }
}
