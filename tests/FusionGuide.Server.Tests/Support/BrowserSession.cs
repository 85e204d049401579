using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace FusionGuide.Server.Tests.Support;

/// <summary>
/// The real server on Kestrel and Debian's headless Chromium on its web page, the knowledge base loaded. Fails in CI
/// (CI=true) when Chromium is missing; skips locally with the reason.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriverPath = "/usr/bin/chromedriver";

    private readonly RunningServer server;
    private readonly TempDir profile;

    private BrowserSession(RunningServer server, TempDir profile, ChromeDriver driver)
    {
        this.server = server;
        this.profile = profile;
        Driver = driver;
        Wait = new WebDriverWait(driver, PageDeadline);
    }

    /// <summary>How long a test waits for the page to reach a state: a deadline, not a timing (the wait ends as soon as
    /// the state is there). Generous because CI runs every test assembly at once on two cores beside Chromium.</summary>
    public static readonly TimeSpan PageDeadline = TimeSpan.FromSeconds(60);

    public ChromeDriver Driver { get; }

    public WebDriverWait Wait { get; }

    public Uri BaseAddress => server.BaseAddress;

    public static async Task<BrowserSession> OpenAsync()
    {
        RequireChromium();
        var server = await RunningServer.StartAsync();
        var profile = new TempDir("fg-chromium-");
        var session = new BrowserSession(server, profile, StartBrowser(profile.Path));
        session.Driver.Navigate().GoToUrl(server.BaseAddress);
        session.Wait.Until(d => d.FindElement(By.Id("kb-version")).Text.Length > 0);
        return session;
    }

    public static void RequireChromium() =>
        Paths.RequireTool(File.Exists(Chromium) && File.Exists(ChromeDriverPath), "Chromium and ChromeDriver (Debian packages chromium, chromium-driver)");

    public static ChromeDriver StartBrowser(string profile)
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath), Path.GetFileName(ChromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--window-size=1280,2400");
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        // axe-core runs as an asynchronous script; WebDriver's default of 30 s is too near a loaded CI machine's time.
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(120);
        return driver;
    }

    public async ValueTask DisposeAsync()
    {
        Driver.Quit();
        Driver.Dispose();
        profile.Dispose();
        await server.DisposeAsync();
    }
}
