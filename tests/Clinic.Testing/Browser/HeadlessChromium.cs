using Microsoft.Playwright;

namespace Clinic.Testing.Browser;

/// <summary>
/// Debian's headless Chromium through Playwright, with the launch options that work on this machine (no browser
/// download, no network beyond loopback), and the folder where tests save screenshots.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary><c>artifacts/screenshots</c> of the repository, created on first use.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "screenshots");

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var executable = TestEnvironment.RequireChromium();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Keep Chromium from phoning home at start-up: the machine has no network beyond loopback.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
        return new HeadlessChromium(playwright, browser);
    }

    /// <summary>A page in a fresh context (its own cookies) whose relative URLs resolve against <paramref name="baseAddress"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
