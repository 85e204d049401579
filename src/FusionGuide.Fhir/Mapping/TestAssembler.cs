using FusionGuide.Domain;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Turns findings into the case's tests. A finding dated after the first targeted therapy started is a test at
/// progression. Positive findings of one gene, method, sample and date are one test (mutations found together are
/// a compound mutation); off-target alterations at progression join the ALK/ROS1 test taken then.
/// </summary>
internal static class TestAssembler
{
    private sealed class Draft(Finding first, TestTiming? timing)
    {
        public Finding First { get; } = first;
        public TestTiming? Timing { get; } = timing;
        public string? Partner { get; set; } = first.FusionPartner;
        public List<string> Mutations { get; } = [.. first.Mutations];
        public List<string> Alterations { get; } = [];
    }

    public static IReadOnlyList<BiomarkerTest> Assemble(MappingContext ctx)
    {
        var firstTki = ctx.Draft.Therapies.Where(t => ctx.Kb.HasDrug(t.Entry.Therapy) && ctx.Kb.Drug(t.Entry.Therapy).IsTargeted)
            .Select(t => t.Start).OfType<DateOnly>().DefaultIfEmpty(DateOnly.MaxValue).Min();
        TestTiming? TimingOf(Finding f) => FhirDates.Earliest(f.Date) is { } d && d > firstTki ? TestTiming.Progression : null;

        var drafts = new List<Draft>();
        foreach (var f in ctx.Draft.Findings.Where(f => !f.AlterationOnly && f.Gene is not null))
        {
            var timing = TimingOf(f);
            var same = f.Result == TestResult.Positive && f.Method is TestMethod.NgsDna or TestMethod.NgsRna or TestMethod.RtPcr
                ? drafts.FirstOrDefault(d => d.First.Result == TestResult.Positive && d.First.Gene == f.Gene && d.First.Method == f.Method
                    && d.First.Sample == f.Sample && d.First.Date == f.Date && d.Timing == timing && !IsAlterationCandidate(d.First))
                : null;
            if (same is null || IsAlterationCandidate(f))
            {
                drafts.Add(new Draft(f, timing));
                continue;
            }

            same.Partner ??= f.FusionPartner;
            same.Mutations.AddRange(f.Mutations.Except(same.Mutations));
        }

        foreach (var f in ctx.Draft.Findings.Where(f => f.Alteration is not null && (f.AlterationOnly || IsAlterationCandidate(f))))
        {
            Attach(f, TimingOf(f), drafts, ctx);
        }

        return [.. drafts.Select(Build)];
    }

    /// <summary>A finding in a gene other than ALK/ROS1 that the contract also names as an off-target alteration.</summary>
    private static bool IsAlterationCandidate(Finding f) => f.Alteration is not null && f.Gene is not (Gene.Alk or Gene.Ros1);

    private static void Attach(Finding f, TestTiming? timing, List<Draft> drafts, MappingContext ctx)
    {
        var targets = timing == TestTiming.Progression
            ? drafts.Where(d => d.Timing == TestTiming.Progression && d.First.Gene is Gene.Alk or Gene.Ros1 && d.First.Result == TestResult.Positive).ToList()
            : [];
        var target = targets.FirstOrDefault(d => d.First.Date == f.Date) ?? (targets.Count == 1 ? targets[0] : null);
        if (target is not null)
        {
            if (!target.Alterations.Contains(f.Alteration!))
            {
                target.Alterations.Add(f.Alteration!);
            }

            drafts.RemoveAll(d => ReferenceEquals(d.First, f));
            return;
        }

        if (f.AlterationOnly)
        {
            ctx.Warn(f.Path, $"{f.Alteration} is read only as a resistance alteration at progression, beside an ALK or ROS1 test taken then; there is none: not used");
        }
    }

    private static BiomarkerTest Build(Draft d) => new()
    {
        Gene = d.First.Gene!.Value, Method = d.First.Method, Sample = d.First.Sample, IhcClone = d.First.IhcClone, Result = d.First.Result,
        Timing = d.Timing, Intensity = d.First.Intensity, PercentStainedCells = d.First.PercentStainedCells,
        PercentRearrangedCells = d.First.PercentRearrangedCells, CellsScored = d.First.CellsScored, Tps = d.First.Tps,
        FusionPartner = d.Partner, Variant = d.First.Variant, Mutations = d.Mutations, Alterations = d.Alterations, Date = d.First.Date,
    };
}
