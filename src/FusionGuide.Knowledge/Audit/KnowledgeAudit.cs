namespace FusionGuide.Knowledge.Audit;

/// <summary>Counts of facts by status.</summary>
/// <param name="Facts">All facts counted.</param>
/// <param name="Verified">Read in a primary source.</param>
/// <param name="Secondary">Read in two independent secondary sources.</param>
/// <param name="Unverified">Not confirmed.</param>
/// <param name="Disputed">Facts whose sources disagree (a <c>disputed</c> block), whatever their status: counted across the other three.</param>
public sealed record FactCounts(int Facts, int Verified, int Secondary, int Unverified, int Disputed)
{
    /// <summary>Counts a set of facts.</summary>
    public static FactCounts Of(IEnumerable<KnowledgeFact> facts)
    {
        var list = facts.ToList();
        return new(list.Count, list.Count(f => f.Status == FactStatus.Verified), list.Count(f => f.Status == FactStatus.Secondary),
            list.Count(f => f.Status == FactStatus.Unverified), list.Count(f => f.Dispute is not null));
    }

    /// <summary>Share of facts left unverified, 0–1.</summary>
    public double UnverifiedShare => Facts == 0 ? 0 : (double)Unverified / Facts;
}

/// <summary>The verification state of a knowledge base: what <c>kb audit</c> prints.</summary>
public sealed record KnowledgeAudit(
    string Version,
    string ReleaseDate,
    FactCounts Total,
    IReadOnlyList<(string Folder, FactCounts Counts)> ByFolder,
    IReadOnlyList<(string Kind, FactCounts Counts)> ByKind,
    IReadOnlyList<KnowledgeFact> Facts)
{
    /// <summary>
    /// Kinds of fact that must not stay unverified: they decide a dose, a reduction, a toxicity action, a
    /// contraindicated or major interaction, a US or EU approval, or a preferred guideline entry (issue #17).
    /// </summary>
    public static bool IsCritical(KnowledgeFact f, KnowledgeBase kb) => f.Kind switch
    {
        "dosing" => true,
        "toxicity-rule" => f.Record is Model.ToxicityRule r && r.Grades.Any(g => g >= 2),
        "interaction-rule" => f.Record is Model.InteractionRule r && r.Severity is Domain.Severity.Contraindicated or Domain.Severity.Major,
        "class-member" => IsSevereClass(f.Subject, kb),
        "approval" => f.Record is Model.Approval a && a.Region is Domain.Region.US or Domain.Region.EU,
        "regimen-entry" => f.Record is Model.RegimenEntry e && e.Preference == Domain.Preference.Preferred,
        _ => false,
    };

    // A class whose interaction with some TKI is contraindicated or major.
    private static bool IsSevereClass(string cls, KnowledgeBase kb) =>
        kb.InteractionTables.SelectMany(t => t.Rules).Any(r => r.Class is { } c && Model.Terms.InteractionClass.Code(c) == cls && r.Severity is Domain.Severity.Contraindicated or Domain.Severity.Major);

    /// <summary>Audits a knowledge base, with every fact's full provenance (<see cref="KnowledgeBase.WithProvenance"/>).</summary>
    public static KnowledgeAudit Of(KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(kb);
        var facts = KnowledgeFacts.All(kb);
        return new(
            kb.Version,
            Loading.KnowledgeDate.Format(kb.ReleaseDate),
            FactCounts.Of(facts),
            [.. facts.GroupBy(f => f.Folder).Select(g => (g.Key, FactCounts.Of(g)))],
            [.. facts.GroupBy(f => f.Kind).Select(g => (g.Key, FactCounts.Of(g)))],
            facts);
    }

    /// <summary>The facts left unverified.</summary>
    public IEnumerable<KnowledgeFact> Unverified => Facts.Where(f => f.Status == FactStatus.Unverified);

    /// <summary>The facts whose sources disagree, with both sides recorded.</summary>
    public IEnumerable<KnowledgeFact> Disputed => Facts.Where(f => f.Dispute is not null);
}
