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
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    private const string InvalidCase = """{"id":"bad-fish","tests":[{"gene":"ALK","method":"fish","sample":"tissue","percentRearrangedCells":150,"cellsScored":50}]}""";

    [Fact]
    public async Task A_clinician_builds_a_case_in_the_form_and_sees_lorlatinib_first_then_an_input_error_beside_its_field()
    {
        Paths.RequireTool(File.Exists(Chromium) && File.Exists(ChromeDriver), "Chromium and ChromeDriver (Debian packages chromium, chromium-driver)");
        await using var server = await RunningServer.StartAsync();
        using var profile = new TempDir("fg-chromium-");
        using var driver = StartBrowser(profile.Path);
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(20));

        driver.Navigate().GoToUrl(server.BaseAddress);
        wait.Until(d => d.FindElement(By.Id("kb-version")).Text.Length > 0);

        Choose(driver, "$.tumor.histology", "adenocarcinoma");
        Choose(driver, "$.tumor.stage", "IVB");
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
        Screenshot(driver, "web-page-input-error.png");
    }

    private static ChromeDriver StartBrowser(string profile)
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver), Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--window-size=1280,2400");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static IWebElement Field(IWebDriver driver, string path) => driver.FindElement(By.CssSelector($"[data-path='{path}']"));

    /// <summary>Picks an option the way a user does: by clicking it.</summary>
    private static void Choose(IWebDriver driver, string path, string value) =>
        Field(driver, path).FindElement(By.CssSelector($"option[value='{value}']")).Click();

    private static void FillTest(IWebDriver driver, int row, params (string Field, string Value)[] choices)
    {
        foreach (var (field, value) in choices)
        {
            Choose(driver, $"$.tests[{row}].{field}", value);
        }
    }

    private static void Screenshot(ChromeDriver driver, string name) =>
        driver.GetScreenshot().SaveAsFile(Path.Combine(Paths.Artifacts, name));
}
