using FusionGuide.Domain;
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

    /// <summary>
    /// A bypass alteration found at a limited progression the TKI is continued through (MET amplification in the
    /// progressing brain lesion): the continuation does not answer it, so its rationale names the alteration and the
    /// mechanism's approach; the mechanism's options are not listed beside a TKI that still controls the rest of the
    /// disease (they answer a systemic progression). Traced as SYS-RES-004.
    /// </summary>
    public static void SayBesideContinuation(PlanState p, HistoryEntry current)
    {
        if (p.Candidates.FirstOrDefault(c => c.IsContinuation) is not { } continued)
        {
            return;
        }

        foreach (var alteration in p.Dx.Alterations)
        {
            var m = MechanismOf(p, alteration);
            var approach = m is null ? "the knowledge base records no approach for it" : m.Approach.TrimEnd('.');
            continued.Notes.Add($"{alteration} found at this progression is a bypass {p.Name(current.Therapy)} does not cover ({OptionWriter.LowerCaseStart(approach)}): discuss it at a molecular tumour board, and switch if the disease progresses beyond local treatment");
            p.E.Fire(Id, $"{alteration} at the limited progression {p.Name(current.Therapy)} is continued through: said on the continuation; {approach}.", m?.Provenance.Sources ?? []);
        }
    }

    /// <summary>The mechanism record for an alteration: the kinase's own, else the one for any driver; null when none.</summary>
    private static OffTargetMechanism? MechanismOf(PlanState p, string alteration) =>
        p.E.Kb.OffTarget.FirstOrDefault(x => x.Alteration == alteration && x.Gene == p.Kinase)
        ?? p.E.Kb.OffTarget.FirstOrDefault(x => x.Alteration == alteration && x.Gene is null);

    public static void AddMechanisms(PlanState p)
    {
        if (p.MechanismsAdded)
        {
            return;
        }

        p.MechanismsAdded = true;
        var found = p.Dx.Alterations.Select(alteration => MechanismOf(p, alteration)).OfType<OffTargetMechanism>();

        // Alterations whose records bring the same therapies for the same reasons (two bypass mutations) are said
        // together — "PIK3CA mutation and KRAS mutation found at progression: …" — not as one note each repeating it.
        var i = 0;
        foreach (var alike in found.GroupBy(Brings))
        {
            foreach (var m in alike)
            {
                p.E.Fire(Id, $"{m.Alteration} at progression (off-target resistance): {m.Approach}", m.Provenance.Sources);
            }

            AddMechanism(p, [.. alike], FirstOrder + i++);
        }
    }

    /// <summary>
    /// The mechanisms' therapies as candidates, or as a note on a candidate already there; <paramref name="alike"/> are
    /// one or more records that bring the same therapies for the same reasons.
    /// </summary>
    public static void AddMechanism(PlanState p, IReadOnlyList<OffTargetMechanism> alike, int order)
    {
        foreach (var m in alike)
        {
            p.E.UsedUnverified(m.Id, m.Provenance);
        }

        var first = alike[0];
        var found = string.Join(" and ", alike.Select(m => m.Alteration ?? $"{m.Transformation?.Code()} transformation"));
        var sources = alike.SelectMany(m => m.Provenance.Sources).Distinct().ToList();
        foreach (var t in first.Therapies)
        {
            var existing = p.Candidates.FirstOrDefault(c => c.Therapy == t.Therapy && c.Combination is null);
            if (existing is not null)
            {
                existing.Notes.Add($"{found} found at progression: {t.Rationale}");
                existing.Cite(sources);
                continue;
            }

            var c = new Candidate(t.Therapy, t.Preference, $"{found} found at progression: {t.Rationale}", order);
            c.Cite(sources);
            p.Candidates.Add(c);
        }

        // A record with combinations is never grouped with another (see Brings): its combinations name its own finding.
        TkiCombinations.Add(p, first);
    }

    /// <summary>What a record brings, as a grouping key: its therapies with their preference and reason; a record with
    /// combinations is its own group.</summary>
    private static string Brings(OffTargetMechanism m) =>
        m.Combinations.Count > 0 ? m.Id : string.Join("|", m.Therapies.Select(t => $"{t.Therapy}/{t.Preference}/{t.Rationale}"));
}
