using FusionGuide.Domain;

namespace FusionGuide.Engine.Tests.Support;

/// <summary>Wire-code views of a result, so assertions read like the contract.</summary>
internal static class ResultFacts
{
    public static string Code(this Therapy t) => Codes.Therapy.Code(t);

    public static IReadOnlyList<string> Options(this Result r) => [.. r.SystemicTherapy.Options.Select(o => o.Therapy.Code())];

    public static IReadOnlyList<string> Avoid(this Result r) => [.. r.SystemicTherapy.Avoid.Select(a => a.Therapy.Code())];

    public static string? First(this Result r) => r.SystemicTherapy.Options.Count > 0 ? r.SystemicTherapy.Options[0].Therapy.Code() : null;

    public static IReadOnlyList<string> Preferred(this Result r) =>
        [.. r.SystemicTherapy.Options.Where(o => o.Preference == Preference.Preferred).Select(o => o.Therapy.Code())];

    public static IReadOnlySet<string> WarningCodes(this Result r) =>
        r.Warnings.Concat(r.Diagnosis.Warnings).Select(w => w.Code).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<string> Rules(this Result r) => [.. r.Trace.Select(t => t.Rule)];

    public static IReadOnlyList<string> Local(this Result r) => [.. r.LocalTherapy.Select(l => Codes.LocalTherapy.Code(l.Therapy))];

    public static string Setting(this Result r) => Codes.Setting.Code(r.SystemicTherapy.Setting);

    public static string Driver(this Result r) => Codes.Driver.Code(r.Diagnosis.Driver);

    public static string Gene(this Result r, string gene) => Codes.GeneStatus.Code(r.Diagnosis.Genes[gene]);

    /// <summary>Next tests as "GENE method" strings.</summary>
    public static IReadOnlyList<string> NextTests(this Result r) =>
        [.. r.Diagnosis.NextTests.Select(n => $"{n.Gene} {Codes.TestMethod.Code(n.Method)}")];

    /// <summary>The contract's first promise: nothing is both offered and avoided.</summary>
    public static void AssertOptionsDisjointFromAvoid(this Result r)
    {
        var both = r.Options().Intersect(r.Avoid()).ToList();
        Assert.True(both.Count == 0, $"Offered and avoided at once: {string.Join(", ", both)}");
    }
}
