using System.Globalization;

namespace FusionGuide.Properties.Tests;

/// <summary>
/// How many generated cases each property really ran. Issue #11 asks for at least 10,000 per run of <c>.ci/run</c>:
/// each property asserts it ran its planned count and writes it to <c>.build/property-cases/NAME.count</c>;
/// <c>./run-tests</c> prints the sum and fails below <see cref="Minimum"/>.
/// </summary>
internal static class CaseCount
{
    /// <summary>The least number of generated cases a run must check (the sum over the properties).</summary>
    public const int Minimum = 10_000;

    public static void Report(string property, long cases, long planned)
    {
        // Replaying one failing case (CsCheck_Seed set) runs fewer; every other run must reach the plan.
        if (Environment.GetEnvironmentVariable("CsCheck_Seed") is null)
        {
            Assert.True(cases >= planned, $"{property} ran {cases} generated cases, fewer than the {planned} planned");
        }

        var dir = Path.Combine(World.Root, ".build", "property-cases");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, property + ".count"), cases.ToString(CultureInfo.InvariantCulture) + "\n");
    }
}
