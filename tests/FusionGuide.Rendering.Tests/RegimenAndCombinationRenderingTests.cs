namespace FusionGuide.Rendering.Tests;

/// <summary>#20 items 6 and 2 in the reports: a chemotherapy regimen's maintenance and premedication beside its doses,
/// and a combination option named with what it is given with and that it is off-label.</summary>
public sealed class RegimenAndCombinationRenderingTests
{
    private static Result WithRegimenAndCombination()
    {
        var r = Fixtures.G1202RAfterAlectinib();
        return r with
        {
            SystemicTherapy = r.SystemicTherapy with
            {
                Options =
                [
                    .. r.SystemicTherapy.Options,
                    new TherapyOption
                    {
                        Therapy = Therapy.Crizotinib, Preference = Preference.CertainCircumstances,
                        Rationale = "MET amplification after alectinib: crizotinib added to alectinib, which is continued (off-label).",
                        Combination = new TherapyCombination { With = [Therapy.Alectinib], Use = CombinationUse.OffLabel },
                    },
                ],
            },
            Dosing =
            [
                .. r.Dosing,
                new DosingRow
                {
                    Therapy = Therapy.PlatinumPemetrexed, Start = "Pemetrexed 500 mg/m² IV day 1 + cisplatin 75 mg/m² IV day 1, every 21 days, 4 cycles",
                    Maintenance = "Pemetrexed 500 mg/m² IV every 21 days until progression",
                    Premedication = ["Folic acid 400–1000 µg orally once daily", "Vitamin B12 1000 µg intramuscularly every 3 cycles"],
                },
            ],
        };
    }

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void Report_shows_the_regimen_maintenance_and_premedication(string format)
    {
        var report = System.Net.WebUtility.HtmlDecode(Render.As(format, WithRegimenAndCombination(), Fixtures.References()));

        Assert.Contains("every 21 days, 4 cycles. Maintenance: Pemetrexed 500 mg/m² IV every 21 days until progression. Premedication: Folic acid 400–1000 µg orally once daily; Vitamin B12 1000 µg intramuscularly every 3 cycles", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Render.Markdown)]
    [InlineData(Render.Html)]
    public void Report_names_a_combination_option_with_the_inhibitor_continued_and_off_label(string format)
    {
        var report = System.Net.WebUtility.HtmlDecode(Render.As(format, WithRegimenAndCombination(), Fixtures.References()));

        Assert.Contains("crizotinib + alectinib (continued) — off-label combination", report, StringComparison.Ordinal);
    }
}
