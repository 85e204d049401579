using CsCheck;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Domain;
using FusionGuide.Domain.Wire;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Properties.Tests;

/// <summary>
/// Issue #20, item 2 (SYS-RES-006) over generated cases: one or two TKI progressions in any order, a progression genotype
/// from the resistance table and a region. Every TKI of the driver kinase that the table rates sensitive or intermediate
/// for the mutations found (and resistant to none of them) is an option or avoided with a reason; against a phased
/// compound judged from its parts, "sensitive" counts only when every part rates the drug (SYS-RES-002).
/// </summary>
public sealed class SensitiveDrugsProperties
{
    /// <summary>Generated cases per run.</summary>
    public const int Cases = 1_000;

    [Fact]
    public void Every_TKI_rated_sensitive_or_intermediate_is_an_option_or_avoided()
    {
        long cases = 0;
        Gen.Select(Gen.ULong[0, 1_000_000], Gen.Long[0, 1_000_000], Gen.Int[0, 1 << 20].Array[4], Gen.Bool)
            .Sample(
                (seed, index, picks, twoTkis) =>
                {
                    Interlocked.Increment(ref cases);
                    var (c, notices) = World.RoundTrip(Make(seed, index, picks, twoTkis));
                    var (result, _) = World.Evaluate(c, notices);
                    foreach (var drug in Unaccounted(c, result))
                    {
                        Assert.Fail($"{drug} is rated sensitive or intermediate for the mutation found, but is neither an option nor avoided");
                    }
                },
                iter: Cases,
                print: t => ContractJson.Serialize(Make(t.Item1, t.Item2, t.Item3, t.Item4), indented: false));
        CaseCount.Report(nameof(Every_TKI_rated_sensitive_or_intermediate_is_an_option_or_avoided), cases, Cases);
    }

    private static Case Make(ulong seed, long index, int[] picks, bool twoTkis)
    {
        var edits = new List<Edit> { new(EditKind.AddTkiProgression, picks[0]) };
        if (twoTkis)
        {
            edits.Add(new(EditKind.AddTkiProgression, picks[1]));
        }

        edits.Add(new(EditKind.AddProgressionGenotype, picks[2]));
        edits.Add(new(EditKind.SetRegion, picks[3]));
        return edits.Aggregate(new CaseSynthesizer(World.Kb, seed).Make(index), (c, e) => e.Apply(c));
    }

    /// <summary>
    /// The TKIs the rule must account for and the result leaves out. Only results the rule decides are checked: an
    /// advanced ALK/ROS1 case, not continuing a current TKI, without a transformation or small-cell histology, and with a
    /// guideline table for the date.
    /// </summary>
    private static IEnumerable<string> Unaccounted(Case c, Result r)
    {
        if (r.Diagnosis.Driver is not (Driver.Alk or Driver.Ros1) ||
            r.SystemicTherapy.Setting is not (Setting.FirstLine or Setting.SubsequentTargeted or Setting.PostTargeted) ||
            c.Tumor.Transformation is not null || c.Tumor.Histology == Histology.SmallCell || c.Tumor.Resected == true ||
            c.History.Any(x => x.End is null) || r.Warnings.Any(w => w.Code == "no-guideline-table"))
        {
            return [];
        }

        var gene = r.Diagnosis.Driver == Driver.Alk ? Gene.Alk : Gene.Ros1;
        var found = c.Tests
            .Where(t => t.EffectiveTiming == TestTiming.Progression && t.Gene == gene && t.Mutations.Count > 0)
            .ToList();
        // DX-MUT-001: a finding whose mutations all reappear inside a compound a tissue NGS test phased (not dated before
        // it) is that allele, judged by the compound; its own cells do not count.
        var cells = found
            .Where(t => !found.Any(later => Phased(later) && later.Mutations.Count > t.Mutations.Count &&
                t.Mutations.All(later.Mutations.Contains) && !DatedBefore(later, t)))
            .SelectMany(t => Cells(gene, t))
            .ToList();
        var shown = r.SystemicTherapy.Options.Select(o => o.Therapy).Concat(r.SystemicTherapy.Avoid.Select(a => a.Therapy)).ToHashSet();
        return World.Kb.Drugs
            .Where(d => d.Inhibits(gene))
            .Where(d => cells.Any(x => x.Drug == d.Therapy && x.Activity is CellActivity.Sensitive or CellActivity.Intermediate) && !cells.Any(x => x.Drug == d.Therapy && x.Activity == CellActivity.Resistant))
            .Where(d => !shown.Contains(d.Therapy))
            .Select(d => d.Id);
    }

    /// <summary>
    /// The cells a progression test brings: the row for exactly its mutations, else its single mutations' rows. For a
    /// compound a phased test (tissue or cytology NGS) found and the table does not hold, SYS-RES-002 keeps a part's
    /// "sensitive" only when every part rates the drug: a sensitive cell of a drug some part leaves unrated is dropped.
    /// A part found at clinical progression on the drug (laboratory-active, <c>emergedOnDrug</c>) is no evidence of
    /// partial activity: unless another part resists the drug or rates it intermediate in the laboratory, the drug's
    /// activity against the compound is unknown, so none of its cells count.
    /// </summary>
    private static IEnumerable<ResistanceCell> Cells(Gene gene, BiomarkerTest t)
    {
        var rows = Rows(gene, t.Mutations).ToList();
        var phasedCompound = Phased(t) && !rows.Any(row => row.Mutations.Count > 1);
        var cells = rows.SelectMany(row => row.Cells).ToList();
        bool EmergedOnly(Therapy drug)
        {
            var parts = cells.Where(x => x.Drug == drug).ToList();
            return parts.Any(x => x.EmergedOnDrug && x.Activity != CellActivity.Resistant) &&
                !parts.Any(x => x.Activity == CellActivity.Resistant || (x.Activity == CellActivity.Intermediate && !x.EmergedOnDrug));
        }

        return cells.Where(cell => !phasedCompound || cell.Activity == CellActivity.Resistant ||
            (!EmergedOnly(cell.Drug) && (cell.Activity != CellActivity.Sensitive ||
                t.Mutations.All(m => World.Kb.ResistanceFor(gene, [m])?.Cells.Any(x => x.Drug == cell.Drug) == true))));
    }

    internal static bool Phased(BiomarkerTest t) =>
        t.Mutations.Count > 1 && t.Sample != Sample.Plasma && t.Method is TestMethod.NgsDna or TestMethod.NgsRna;

    /// <summary>Both tests dated (YYYY, YYYY-MM or YYYY-MM-DD; a missing month or day is its first) and a before b.</summary>
    internal static bool DatedBefore(BiomarkerTest a, BiomarkerTest b) =>
        Start(a.Date) is { } da && Start(b.Date) is { } db && da < db;

    private static DateOnly? Start(string? date)
    {
        var parts = (date ?? "").Split('-');
        return int.TryParse(parts[0], out var y) && y is >= 1900 and <= 2200
            ? new DateOnly(y, parts.Length > 1 && int.TryParse(parts[1], out var m) ? m : 1, parts.Length > 2 && int.TryParse(parts[2], out var d) ? d : 1)
            : null;
    }

    /// <summary>The table row for exactly these mutations, else the rows of each single mutation.</summary>
    private static IEnumerable<Knowledge.Model.ResistanceRow> Rows(Gene gene, IReadOnlyList<string> mutations)
    {
        var exact = World.Kb.Resistance.FirstOrDefault(x => x.Gene == gene && x.Mutations.Count == mutations.Count && x.Mutations.All(mutations.Contains));
        return exact is not null ? [exact] : mutations.SelectMany(m => World.Kb.Resistance.Where(x => x.Gene == gene && x.Mutations.Count == 1 && x.Mutations[0] == m));
    }
}
