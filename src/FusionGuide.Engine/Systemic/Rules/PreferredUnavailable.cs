using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-ACCESS-003: a table's entries for "when the preferred agent is unavailable" are offered only when no preferred
/// agent is left, and say so. Sources: the rule catalogue and the table.
/// </summary>
internal static class PreferredUnavailable
{
    public const string Id = "SYS-ACCESS-003";

    public static void Admit(PlanState p, Regimen? table)
    {
        if (table is null || p.Deferred.Count == 0 || p.Candidates.Any(c => c.Preference == Preference.Preferred))
        {
            return;
        }

        var missing = table.Entries.Where(x => x.Preference == Preference.Preferred && p.Avoid.Contains(x.Therapy)).Select(x => p.Name(x.Therapy)).ToList();
        var why = missing.Count > 0 ? $"offered only because {string.Join(", ", missing)} cannot be given here" : "offered only because no preferred agent can be given here";
        foreach (var (entry, order, t) in p.Deferred)
        {
            var c = GuidelineTable.FromEntry(p, entry, order, t);
            c.Notes.Insert(0, why);
            p.Candidates.Add(c);
        }

        p.E.Fire(Id, $"No preferred agent can be given: {string.Join(", ", p.Deferred.Select(d => d.Entry.Therapy.Code()))} {why}.");
        p.Deferred.Clear();
        CandidateFilters.Apply(p);
    }
}
