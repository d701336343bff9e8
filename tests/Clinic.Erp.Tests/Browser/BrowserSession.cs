using Clinic.Testing;
using Microsoft.Playwright;

namespace Clinic.Erp.Tests.Browser;

/// <summary>
/// Debian's headless Chromium driven by Playwright (no browser download), against the sample served on a loopback
/// port. Screenshots go to <c>artifacts/screenshots</c> so the README can show the real pages.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ErpFactory App { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        BaseAddress = App.StartOnLoopback();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.RequireChromium(),
            Headless = true,
            // The machine has no network beyond loopback: keep Chromium from phoning home at start-up.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh browser context (its own cookie jar) on the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
