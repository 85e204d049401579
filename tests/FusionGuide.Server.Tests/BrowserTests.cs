using FusionGuide.Server.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace FusionGuide.Server.Tests;

/// <summary>
/// A clinician's path through the web page, in Debian's headless Chromium driven by Selenium against the real
/// server on Kestrel. Fails in CI (CI=true) when Chromium is missing; skips locally with the reason.
/// </summary>
public sealed class BrowserTests
{
    private const string InvalidCase = """{"id":"bad-fish","tests":[{"gene":"ALK","method":"fish","sample":"tissue","percentRearrangedCells":150,"cellsScored":50}]}""";

    [Fact]
    public async Task A_clinician_builds_a_case_in_the_form_and_sees_lorlatinib_first_then_an_input_error_beside_its_field()
    {
        BrowserSession.RequireChromium();
        await using var server = await RunningServer.StartAsync();
        using var profile = new TempDir("fg-chromium-");
        using var driver = BrowserSession.StartBrowser(profile.Path);
        var wait = new WebDriverWait(driver, BrowserSession.PageDeadline);

        driver.Navigate().GoToUrl(server.BaseAddress);
        wait.Until(d => d.FindElement(By.Id("kb-version")).Text.Length > 0);

        Choose(driver, "$.tumor.histology", "adenocarcinoma");
        Choose(driver, "$.tumor.stage", "IVB");
        driver.FindElement(By.CssSelector("[data-add='tests']")).Click();
        FillTest(driver, 0, ("gene", "ALK"), ("method", "ihc"), ("sample", "tissue"), ("clone", "D5F3"), ("result", "positive"));
        driver.FindElement(By.CssSelector("[data-add='tests']")).Click();
        FillTest(driver, 1, ("gene", "ALK"), ("method", "ngs-dna"), ("sample", "plasma"), ("timing", "progression"), ("result", "positive"));
        Field(driver, "$.tests[1].mutations").SendKeys("G1202R");
        driver.FindElement(By.CssSelector("[data-add='history']")).Click();
        Choose(driver, "$.history[0].therapy", "alectinib");
        Field(driver, "$.history[0].start").SendKeys("2022-01");
        Field(driver, "$.history[0].end").SendKeys("2024-06");
        Choose(driver, "$.history[0].stopReason", "progression");
        Choose(driver, "$.history[0].progressionPattern", "systemic");
        driver.FindElement(By.CssSelector("#case-form button[type='submit']")).Click();

        var first = wait.Until(d => d.FindElements(By.CssSelector("#options > li")).FirstOrDefault());
        Assert.Equal("lorlatinib", first!.GetDomAttribute("data-therapy"));
        Assert.Contains("Preferred", first.FindElement(By.CssSelector(".badge")).Text, StringComparison.Ordinal);
        Assert.NotEmpty(driver.FindElements(By.CssSelector("#references li[id^='ref-']")));
        var choice = driver.FindElement(By.Id("first-choice")).Text;
        Assert.StartsWith("lorlatinib 100 mg", choice, StringComparison.Ordinal);
        Assert.True(driver.FindElement(By.Id("summary")).Location.Y < driver.FindElement(By.Id("options")).Location.Y, "the summary card comes before the details");
        Assert.Contains("ALK G1202R", driver.FindElement(By.Id("findings")).Text, StringComparison.Ordinal);
        Screenshot(driver, "web-page-result.png");

        driver.FindElement(By.Id("tab-json")).Click();
        var json = driver.FindElement(By.Id("case-json"));
        json.Clear();
        json.SendKeys(InvalidCase);
        driver.FindElement(By.Id("submit-json")).Click();

        var error = wait.Until(d => d.FindElements(By.CssSelector(".field-error[data-problem-path='$.tests[0].percentRearrangedCells']")).FirstOrDefault(e => e.Displayed));
        var field = Field(driver, "$.tests[0].percentRearrangedCells");
        Assert.Equal("true", field.GetDomAttribute("aria-invalid"));
        Assert.Contains(error!.GetDomAttribute("id")!, field.GetDomAttribute("aria-describedby")!.Split(' '));
        Assert.Equal(error.GetDomAttribute("id"), ((IJavaScriptExecutor)driver).ExecuteScript("return arguments[0].nextElementSibling.id", field));
        Assert.Contains("between 0 and 100", error.Text, StringComparison.Ordinal);
        // In words, not by its JSON path: beside the field the message alone, in the list the field's name in the form.
        var summary = driver.FindElement(By.Id("form-errors")).Text;
        Assert.Contains("Test 1, FISH: % rearranged cells: must be between 0 and 100", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("$.", summary + error.Text, StringComparison.Ordinal);
        Screenshot(driver, "web-page-input-error.png");
    }

    [Fact]
    public async Task A_test_row_shows_only_the_fields_of_its_method()
    {
        await using var session = await BrowserSession.OpenAsync();
        var driver = session.Driver;
        driver.FindElement(By.CssSelector("[data-add='tests']")).Click();
        Assert.Equal("tissue", Field(driver, "$.tests[0].sample").GetDomProperty("value"));
        Assert.False(Field(driver, "$.tests[0].percentRearrangedCells").Displayed);
        Assert.False(Field(driver, "$.tests[0].clone").Displayed);

        Choose(driver, "$.tests[0].method", "fish");
        Assert.True(Field(driver, "$.tests[0].percentRearrangedCells").Displayed);
        Assert.True(Field(driver, "$.tests[0].cellsScored").Displayed);
        Assert.False(Field(driver, "$.tests[0].clone").Displayed);
        Assert.False(Field(driver, "$.tests[0].mutations").Displayed);

        Choose(driver, "$.tests[0].method", "ihc");
        Assert.True(Field(driver, "$.tests[0].clone").Displayed);
        Assert.True(Field(driver, "$.tests[0].intensity").Displayed);
        Assert.False(Field(driver, "$.tests[0].percentRearrangedCells").Displayed);

        Choose(driver, "$.tests[0].method", "ngs-rna");
        Assert.True(Field(driver, "$.tests[0].mutations").Displayed);
        Assert.True(Field(driver, "$.tests[0].variant").Displayed);
        Assert.False(Field(driver, "$.tests[0].intensity").Displayed);
    }

    [Fact]
    public async Task An_untested_patient_is_submitted_without_any_test_row_and_gets_the_tests_to_order()
    {
        await using var session = await BrowserSession.OpenAsync();
        var driver = session.Driver;
        Choose(driver, "$.tumor.histology", "adenocarcinoma");
        Choose(driver, "$.tumor.stage", "IVA");
        driver.FindElement(By.CssSelector("[data-add='tests']")).Click();   // a row added and left blank must not block
        driver.FindElement(By.CssSelector("#case-form button[type='submit']")).Click();

        session.Wait.Until(d => d.FindElements(By.CssSelector("#next-tests li")).Count > 0);
        Assert.True(driver.FindElement(By.Id("form-errors")).GetDomAttribute("hidden") is not null, "no problem is shown");
        Assert.Contains("no systemic therapy yet", driver.FindElement(By.Id("first-choice")).Text, StringComparison.Ordinal);
        Assert.Contains("No biomarker test reported yet.", driver.FindElement(By.Id("findings")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_case_survives_a_reload_until_the_clinician_clears_it_from_the_browser()
    {
        await using var session = await BrowserSession.OpenAsync();
        var driver = session.Driver;
        Assert.Contains("kept in this browser only", driver.FindElement(By.Id("storage-note")).Text, StringComparison.Ordinal);
        Field(driver, "$.id").SendKeys("kept-case");
        Choose(driver, "$.tumor.stage", "IIIB");
        driver.FindElement(By.CssSelector("[data-add='history']")).Click();
        Choose(driver, "$.history[0].therapy", "crizotinib");

        driver.Navigate().Refresh();
        session.Wait.Until(d => d.FindElement(By.Id("kb-version")).Text.Length > 0);
        Assert.Equal("kept-case", Field(driver, "$.id").GetDomProperty("value"));
        Assert.Equal("IIIB", Field(driver, "$.tumor.stage").GetDomProperty("value"));
        Assert.Equal("crizotinib", Field(driver, "$.history[0].therapy").GetDomProperty("value"));

        driver.FindElement(By.Id("forget-case")).Click();
        driver.Navigate().Refresh();
        session.Wait.Until(d => d.FindElement(By.Id("kb-version")).Text.Length > 0);
        Assert.Equal("", Field(driver, "$.id").GetDomProperty("value"));
        Assert.Empty(driver.FindElements(By.CssSelector("#history .row")));
    }

    [Fact]
    public async Task A_toxicity_case_from_the_form_gives_the_label_action_a_chart_text_and_a_print_layout_with_inputs_and_dates()
    {
        await using var session = await BrowserSession.OpenAsync();
        var driver = session.Driver;
        FillToxicityCase(driver);
        driver.FindElement(By.Id("as-of")).SendKeys("12052026");
        driver.FindElement(By.CssSelector("#case-form button[type='submit']")).Click();

        var toxicity = session.Wait.Until(d => d.FindElements(By.CssSelector("#toxicity tbody tr")).FirstOrDefault());
        Assert.Contains("hypercholesterolemia", toxicity!.Text, StringComparison.Ordinal);
        Assert.StartsWith("lorlatinib 100 mg", driver.FindElement(By.Id("first-choice")).Text, StringComparison.Ordinal);

        driver.FindElement(By.Id("copy-chart")).Click();
        session.Wait.Until(d => d.FindElement(By.Id("copy-status")).Text.Length > 0);
        var chart = driver.FindElement(By.Id("chart-text")).GetDomProperty("value")!;
        Assert.Contains("evaluated as of 2026-12-05", chart, StringComparison.Ordinal);
        Assert.Contains("first choice: lorlatinib 100 mg once daily", chart, StringComparison.Ordinal);
        Assert.Contains("Grade 3 hypercholesterolemia on lorlatinib.", chart, StringComparison.Ordinal);
        Assert.Contains("ALK by FISH on tissue at diagnosis: positive, 38% of 100 cells rearranged.", chart, StringComparison.Ordinal);
        Assert.DoesNotContain("<", chart, StringComparison.Ordinal);

        driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "print" });
        ((IJavaScriptExecutor)driver).ExecuteScript("window.dispatchEvent(new Event('beforeprint'))");
        Assert.False(driver.FindElement(By.Id("case-entry")).Displayed, "the form is not printed");
        var meta = driver.FindElement(By.Id("print-meta"));
        Assert.True(meta.Displayed);
        Assert.Contains("Evaluated as of 2026-12-05", meta.Text, StringComparison.Ordinal);
        Assert.Contains("Printed ", meta.Text, StringComparison.Ordinal);
        var findings = driver.FindElement(By.Id("findings"));
        Assert.True(findings.Displayed);
        Assert.Contains("1. Lorlatinib from 2025-03, ongoing.", findings.Text, StringComparison.Ordinal);
        Assert.True(driver.FindElement(By.Id("summary")).Displayed);
        Screenshot(driver, "web-page-print.png");
    }

    [Fact]
    public async Task Loading_an_example_fills_the_form_from_the_servers_examples()
    {
        await using var session = await BrowserSession.OpenAsync();
        var driver = session.Driver;
        driver.FindElement(By.CssSelector("#example-choice option[value='alk-g1202r-after-alectinib']")).Click();
        driver.FindElement(By.Id("load-example")).Click();

        session.Wait.Until(d => Field(d, "$.id").GetDomProperty("value") == "example-alk-g1202r");
        Assert.Equal("G1202R", Field(driver, "$.tests[1].mutations").GetDomProperty("value"));
        Assert.Equal("alectinib", Field(driver, "$.history[0].therapy").GetDomProperty("value"));
    }

    /// <summary>The toxicity case typed into the form: ALK FISH-positive stage IVB adenocarcinoma on lorlatinib since
    /// 2025-03 with grade 3 hypercholesterolaemia (used by these tests and the accessibility tests).</summary>
    internal static void FillToxicityCase(IWebDriver driver)
    {
        Choose(driver, "$.tumor.histology", "adenocarcinoma");
        Choose(driver, "$.tumor.stage", "IVB");
        driver.FindElement(By.CssSelector("[data-add='tests']")).Click();
        FillTest(driver, 0, ("gene", "ALK"), ("method", "fish"), ("result", "positive"));
        Field(driver, "$.tests[0].percentRearrangedCells").SendKeys("38");
        Field(driver, "$.tests[0].cellsScored").SendKeys("100");
        driver.FindElement(By.CssSelector("[data-add='history']")).Click();
        Choose(driver, "$.history[0].therapy", "lorlatinib");
        Field(driver, "$.history[0].start").SendKeys("2025-03");
        Choose(driver, "$.history[0].stopReason", "ongoing");
        driver.FindElement(By.CssSelector("[data-add='adverseEvents']")).Click();
        Choose(driver, "$.adverseEvents[0].therapy", "lorlatinib");
        Choose(driver, "$.adverseEvents[0].event", "hypercholesterolemia");
        Choose(driver, "$.adverseEvents[0].grade", "3");
    }

    internal static IWebElement Field(IWebDriver driver, string path) => driver.FindElement(By.CssSelector($"[data-path='{path}']"));

    /// <summary>Picks an option the way a user does: by clicking it.</summary>
    internal static void Choose(IWebDriver driver, string path, string value) =>
        Field(driver, path).FindElement(By.CssSelector($"option[value='{value}']")).Click();

    internal static void FillTest(IWebDriver driver, int row, params (string Field, string Value)[] choices)
    {
        foreach (var (field, value) in choices)
        {
            Choose(driver, $"$.tests[{row}].{field}", value);
        }
    }

    internal static void Screenshot(ChromeDriver driver, string name) =>
        driver.GetScreenshot().SaveAsFile(Path.Combine(Paths.Artifacts, name));
}
