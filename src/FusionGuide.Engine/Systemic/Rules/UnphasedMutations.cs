using FusionGuide.Domain;
using FusionGuide.Engine.Diagnosis;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-RES-007: two or more kinase mutations from a test that cannot phase them (plasma cell-free DNA, or a method that is
/// not sequencing) may sit on different alleles or in different clones. They are not a proven compound: each mutation is
/// read on its own against the activity table (a drug must cover every clone, so it takes its worst single activity), the
/// compound row — when the table has one — is quoted only as what tissue confirmation would mean, and tissue NGS is a
/// next test (Diagnosis/NextTests). A phased finding (tissue or cytology NGS) keeps SYS-RES-001/002.
/// One exception: when the disease progressed on a TKI that every single mutation leaves sensitive while the table's
/// compound row makes it resistant (G1202R + L1196M on lorlatinib after alectinib), only the compound explains that
/// progression — compounds arise under sequential TKIs (Yoda 2018) — so the finding is read as the compound, and the
/// warning says why. Sources: the rule catalogue.
/// </summary>
internal static class UnphasedMutations
{
    public const string Id = "SYS-RES-007";

    /// <summary>True when <paramref name="set"/> is a multi-mutation finding its test could not phase.</summary>
    public static bool Applies(MutationSet set) => set.Mutations.Count > 1 && !set.Phased;

    /// <summary>
    /// True when only the compound explains progression on <paramref name="progressedOn"/>: every single mutation is
    /// rated sensitive to it and the compound row resistant. Such a finding is read as the compound (and said so).
    /// </summary>
    public static bool CompoundExplainsProgression(Evaluation e, MutationSet set, Therapy? progressedOn)
    {
        if (progressedOn is not { } drug || ActivityOf(e, set, set.Mutations, drug) != CellActivity.Resistant)
        {
            return false;
        }

        return set.Mutations.All(m => ActivityOf(e, set, [m], drug) == CellActivity.Sensitive);
    }

    /// <summary>The finding read as its compound, after the warning and trace line that say why.</summary>
    public static IReadOnlyList<MutationSet> AsCompound(Evaluation e, MutationSet set, Therapy progressedOn)
    {
        var gene = Codes.Gene.Code(set.Gene);
        var mutations = string.Join(" and ", set.Mutations);
        var msg = $"{gene} {mutations} were found on {set.Source}, which cannot show whether they sit on one allele. Each alone is rated sensitive to {e.Name(progressedOn)}, on which the disease progressed; only the compound (the two on one allele, resistant to it) explains that progression, so the finding is read as the compound. Tissue NGS of a progressing site can confirm it.";
        e.Warn(WarningCodes.UnphasedMutations, msg);
        e.Fire(Id, msg);
        return [set];
    }

    /// <summary>The set as single-mutation findings, after the warning and trace line that say so.</summary>
    public static IReadOnlyList<MutationSet> Split(Evaluation e, MutationSet set)
    {
        var gene = Codes.Gene.Code(set.Gene);
        var singles = set.Mutations.Select(m => $"{m}: {Activities(e, set, [m]) ?? "not in the activity table"}");
        var compound = Activities(e, set, set.Mutations) is { } rated
            ? $" If tissue NGS shows them on one allele, the compound row applies instead ({rated})."
            : "";
        var msg = $"{gene} {string.Join(" and ", set.Mutations)} were found on {set.Source}, which cannot show whether they sit on one allele or in different clones: they are not treated as a proven compound. Each drug is judged against every single mutation ({string.Join("; ", singles)}).{compound} Tissue NGS of a progressing site can phase them.";
        e.Warn(WarningCodes.UnphasedMutations, msg);
        e.Fire(Id, msg);
        return [.. set.Mutations.Select(m => set with { Mutations = [m] })];
    }

    private static CellActivity? ActivityOf(Evaluation e, MutationSet set, IReadOnlyList<string> mutations, Therapy drug) =>
        e.Kb.ResistanceFor(set.Gene, mutations)?.Cells.FirstOrDefault(c => c.Drug == drug)?.Activity;

    private static string? Activities(Evaluation e, MutationSet set, IReadOnlyList<string> mutations) =>
        e.Kb.ResistanceFor(set.Gene, mutations) is { } row
            ? string.Join(", ", row.Cells.Select(c => $"{e.Name(c.Drug).ToLowerInvariant()} {c.Activity.Code()}"))
            : null;
}
