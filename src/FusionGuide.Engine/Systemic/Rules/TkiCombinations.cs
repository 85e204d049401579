using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-COMB-001: a resistance mechanism found at progression (MET amplification after an ALK inhibitor, a histologic
/// transformation) brings the combinations its record lists — the therapy added to the ALK/ROS1 inhibitor the disease
/// progressed on, which is continued alongside — as certain-circumstances options marked off-label or trial, each with
/// its source, ranked after the single therapies of the same preference. No combination when there is no inhibitor to
/// continue, when it cannot be obtained, or when it would be the added drug itself. Sources: the rule catalogue and each combination record.
/// </summary>
internal static class TkiCombinations
{
    public const string Id = "SYS-COMB-001";

    /// <summary>After the single therapies of the same preference, before a re-challenge.</summary>
    private const int Order = 900;

    public static void Add(PlanState p, OffTargetMechanism m)
    {
        if (m.Combinations.Count == 0)
        {
            return;
        }

        var found = m.Alteration ?? $"{m.Transformation?.Code()} transformation";
        if (Continued(p) is not { } tki)
        {
            p.E.Fire(Id, $"{found}: the knowledge base lists combinations with the {p.KinaseCode} inhibitor the disease progressed on, but the history names no {p.KinaseCode} inhibitor to continue; none is offered.", m.Provenance.Sources);
            return;
        }

        // A combination keeps the inhibitor's ALK/ROS1 suppression going; an inhibitor the genotype found resists (G1202R
        // on alectinib) suppresses nothing of that clone, so it is not continued inside one.
        if (p.Profile.For(tki).Where(f => f.Activity == Activity.Resistant).Select(f => f.Set.Name).Distinct().ToList() is { Count: > 0 } resisting)
        {
            p.E.Fire(Id, $"{found}: the combinations continue {p.Name(tki)}, which {string.Join(" and ", resisting)} found at progression resists; none is offered.", m.Provenance.Sources);
            return;
        }

        if (Access.UnavailableAtSite(p.E, tki, out _))
        {
            p.E.Fire(Id, $"{found}: the combinations need {p.Name(tki)} continued, which cannot be obtained here; none is offered.", m.Provenance.Sources);
            return;
        }

        var i = 0;
        foreach (var x in m.Combinations.Where(x => x.Therapy != tki))
        {
            p.E.UsedUnverified(x.Id, x.Provenance);
            var use = x.Use == CombinationUse.Trial ? "within a clinical trial only" : "off-label";
            // The record's figures (a case series) go to the evidence section once; the row keeps its guidance (issue #20 item 7).
            var (guidance, figures) = FigureClauses.Split(x.Rationale);
            var basis = x.Provenance.Sources.Count > 0 ? x.Provenance.Sources[0] : null;
            var said = guidance.Count > 0 ? string.Join("; ", guidance)
                : basis is not null ? $"the reported experience ({p.E.Cite(basis)}) is in the evidence section" : "no figures are recorded";
            var why = $"{found} after {p.Name(tki)}: {p.Name(x.Therapy)} added to {p.Name(tki)}, which is continued ({use}; no label or guideline table lists the combination): {said}";
            var c = new Candidate(x.Therapy, Preference.CertainCircumstances, why, Order + i++)
            {
                Combination = new TherapyCombination { With = [tki], Use = x.Use },
                OwnEvidence = figures.Count > 0 && basis is not null
                    ? (basis, p.E.Cite(basis), $"{found} after an {p.KinaseCode} inhibitor, {p.Name(x.Therapy)} with the inhibitor continued", string.Join("; ", figures))
                    : null,
            };
            c.Cite(x.Provenance.Sources);
            p.Candidates.Add(c);
            p.E.Fire(Id, $"{found}: {p.Name(x.Therapy)} with {p.Name(tki)} continued, {x.Use.Code()}, certain circumstances — {x.Rationale}", x.Provenance.Sources);
        }
    }

    /// <summary>
    /// An inhibitor avoided after progression but continued inside an offered combination: its avoid row says it is
    /// avoided as a single agent only, naming the combinations, so the two never read as a contradiction.
    /// </summary>
    public static void ExplainContinuedInAvoidList(PlanState p, IEnumerable<Candidate> offered)
    {
        var continued = offered.Where(c => c.Combination is not null).SelectMany(c => c.Combination!.With.Select(tki => (Tki: tki, Added: c.Therapy)));
        foreach (var group in continued.GroupBy(x => x.Tki).Where(g => p.Avoid.Contains(g.Key)))
        {
            var added = group.Select(x => p.Name(x.Added)).Distinct().ToList();
            p.Avoid.Add(group.Key, $"as a single agent only: it is continued inside the combination{(added.Count > 1 ? "s" : "")} offered ({string.Join(", ", added)} added to it)");
        }
    }

    /// <summary>The inhibitor of this kinase the patient takes now, else the last one the disease progressed on.</summary>
    private static Therapy? Continued(PlanState p)
    {
        var entry = p.H.Current is { } now && p.E.Kb.Drug(now.Therapy).Inhibits(p.Kinase) ? now : p.H.LastFailedTargeted;
        return entry is not null && p.E.Kb.Drug(entry.Therapy).Inhibits(p.Kinase) ? entry.Therapy : null;
    }
}
