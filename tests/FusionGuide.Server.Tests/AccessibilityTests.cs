using FusionGuide.Server.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using static FusionGuide.Server.Tests.BrowserTests;

namespace FusionGuide.Server.Tests;

/// <summary>
/// The web page is usable without a mouse and passes axe-core (WCAG 2.1 A and AA, and axe's best practices) in each
/// state a clinician sees it: the empty form, a filled form, a rendered result and a case with an input problem.
/// Issue #23: "Keyboard-only use and axe checks stay clean; the browser tests cover each of these."
/// </summary>
public sealed class AccessibilityTests
{
    [Fact]
    public async Task The_empty_form_has_no_axe_violation()
    {
        await using var session = await BrowserSession.OpenAsync();

        AssertClean(Axe.Run(session.Driver));
    }

    [Fact]
    public async Task A_filled_form_with_a_row_of_each_kind_has_no_axe_violation()
    {
        await using var session = await BrowserSession.OpenAsync();
        FillToxicityCaseWithMedication(session.Driver);

        AssertClean(Axe.Run(session.Driver));
    }

    [Fact]
    public async Task A_rendered_result_has_no_axe_violation()
    {
        await using var session = await BrowserSession.OpenAsync();
        var driver = session.Driver;
        FillToxicityCaseWithMedication(driver);
        driver.FindElement(By.CssSelector("#case-form button[type='submit']")).Click();
        session.Wait.Until(d => d.FindElements(By.CssSelector("#references li")).Count > 0);
        // The badge and the trace opened, as a reader who expands them sees them.
        foreach (var details in driver.FindElements(By.CssSelector("#result details:not([open])")))
        {
            details.FindElement(By.TagName("summary")).Click();
        }

        AssertClean(Axe.Run(driver));
    }

    [Fact]
    public async Task An_input_problem_shown_beside_its_field_has_no_axe_violation()
    {
        await using var session = await BrowserSession.OpenAsync();
        var driver = session.Driver;
        driver.FindElement(By.CssSelector("[data-add='tests']")).Click();
        FillTest(driver, 0, ("gene", "ALK"), ("method", "fish"), ("result", "positive"));
        Field(driver, "$.tests[0].percentRearrangedCells").SendKeys("150");
        Field(driver, "$.tests[0].cellsScored").SendKeys("50");
        driver.FindElement(By.CssSelector("#case-form button[type='submit']")).Click();
        session.Wait.Until(d => d.FindElements(By.CssSelector(".field-error")).Count > 0);

        AssertClean(Axe.Run(driver));
    }

    [Fact]
    public async Task The_form_is_filled_and_submitted_with_the_keyboard_alone_in_reading_order()
    {
        await using var session = await BrowserSession.OpenAsync();
        var driver = session.Driver;
        var keys = new Actions(driver);

        // Tab from the top of the page: every control is reached in the order it is read (no positive tabindex,
        // nothing hidden that takes focus), and the first field of the form comes after the case tools and the tabs.
        var order = new List<string>();
        for (var i = 0; i < 40 && !order.Contains("$.id"); i++)
        {
            keys.SendKeys(Keys.Tab).Perform();
            var focused = driver.SwitchTo().ActiveElement();
            Assert.True(focused.Displayed, $"focus went to a hidden element after {order.Count} tabs");
            order.Add(focused.GetDomAttribute("data-path") ?? focused.GetDomAttribute("id") ?? focused.TagName);
        }

        Assert.Contains("load-example", order);
        Assert.Contains("tab-form", order);
        Assert.Equal("$.id", order[^1]);
        var reading = (IReadOnlyCollection<object>)driver.ExecuteScript("""
            return Array.from(document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'))
              .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0)
              .map(e => e.dataset.path || e.id || e.tagName.toLowerCase());
            """)!;
        Assert.Equal(reading.Cast<string>().Take(order.Count), order);
        Assert.Empty(driver.FindElements(By.CssSelector("[tabindex]:not([tabindex='0']):not([tabindex='-1'])")));

        // Type the case: the id, then Tab to the tumour fields; a select is chosen by typing, an added test row takes
        // focus on its first control.
        keys.SendKeys("keyboard-case").Perform();
        FocusByTabbing(driver, "$.tumor.histology", e => e.GetDomAttribute("data-path") == "$.tumor.histology");
        keys.SendKeys("adeno").Perform();
        FocusByTabbing(driver, "$.tumor.stage", e => e.GetDomAttribute("data-path") == "$.tumor.stage");
        keys.SendKeys("IVB").Perform();
        FocusByTabbing(driver, "the Add a test button", e => e.GetDomAttribute("data-add") == "tests");
        keys.SendKeys(Keys.Enter).Perform();
        Assert.Equal("$.tests[0].gene", driver.SwitchTo().ActiveElement().GetDomAttribute("data-path"));
        keys.SendKeys("ALK").Perform();
        FocusByTabbing(driver, "$.tests[0].method", e => e.GetDomAttribute("data-path") == "$.tests[0].method");
        keys.SendKeys("IHC").Perform();
        FocusByTabbing(driver, "$.tests[0].clone", e => e.GetDomAttribute("data-path") == "$.tests[0].clone");
        keys.SendKeys("D5F3").Perform();
        FocusByTabbing(driver, "$.tests[0].result", e => e.GetDomAttribute("data-path") == "$.tests[0].result");
        keys.SendKeys("pos").Perform();
        Assert.Equal("adenocarcinoma", Field(driver, "$.tumor.histology").GetDomProperty("value"));
        Assert.Equal("D5F3", Field(driver, "$.tests[0].clone").GetDomProperty("value"));

        // Enter in a text field submits the form; the result takes focus, so the reader lands on the answer.
        Field(driver, "$.id").SendKeys(Keys.Enter);
        session.Wait.Until(d => d.FindElements(By.CssSelector("#options > li")).Count > 0);
        Assert.Contains("ALK", driver.FindElement(By.Id("summary")).Text, StringComparison.Ordinal);
        session.Wait.Until(d => d.SwitchTo().ActiveElement().GetDomAttribute("id") == "result-title");
    }

    /// <summary>Presses Tab until the element <paramref name="found"/> picks has focus; fails when it is not reached.</summary>
    private static void FocusByTabbing(ChromeDriver driver, string what, Func<IWebElement, bool> found)
    {
        for (var i = 0; i < 60; i++)
        {
            new Actions(driver).SendKeys(Keys.Tab).Perform();
            if (found(driver.SwitchTo().ActiveElement()))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {what}");
    }

    private static void FillToxicityCaseWithMedication(ChromeDriver driver)
    {
        Field(driver, "$.id").SendKeys("axe-case");
        FillToxicityCase(driver);
        Field(driver, "$.medications").SendKeys("atorvastatin");
    }

    private static void AssertClean(IReadOnlyList<Axe.Violation> violations) =>
        Assert.True(violations.Count == 0, $"{violations.Count} axe violation(s):\n{string.Join("\n", violations)}");
}
