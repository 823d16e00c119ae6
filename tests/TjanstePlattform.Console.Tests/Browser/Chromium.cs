using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace TjanstePlattform.Console.Tests.Browser;

/// <summary>
/// Debian's headless Chromium driven by Debian's chromedriver (installed by .ci/install-chromium), with a fresh
/// profile per session and nothing that reaches the network on its own.
/// </summary>
public sealed class Chromium : IDisposable
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private readonly string _profile;

    private Chromium(ChromeDriver driver, string profile)
    {
        Driver = driver;
        _profile = profile;
    }

    public ChromeDriver Driver { get; }

    public static Chromium Start()
    {
        if (!File.Exists(BrowserPath) || !File.Exists(DriverPath))
        {
            Assert.Fail($"Chromium is not installed ({BrowserPath}, {DriverPath}): run .ci/install-chromium (apt-get install chromium chromium-driver).");
        }

        var profile = Path.Combine(Path.GetTempPath(), "tjp-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1500,1000", $"--user-data-dir={profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        return new Chromium(driver, profile);
    }

    /// <summary>Waits (polling, never a fixed sleep) until <paramref name="condition"/> gives a value.</summary>
    public T Until<T>(Func<IWebDriver, T?> condition, string what, int seconds = 20)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)) { Message = what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(d => condition(d))!;
    }

    /// <summary>Keeps a screenshot of the page as a test attachment (called when a test fails).</summary>
    public void AttachScreenshot(string name)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{name}-{DateTime.UtcNow:HHmmssfff}.png");
        Driver.GetScreenshot().SaveAsFile(file);
        TestContext.AddTestAttachment(file, name);
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
