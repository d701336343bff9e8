using Microsoft.Playwright;

namespace Clinic.Erp.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class SessionBrowserTests : IClassFixture<BrowserSession>
{
    private readonly BrowserSession _browser;

    public SessionBrowserTests(BrowserSession browser) => _browser = browser;

    [Fact]
    public async Task SessionPage_Reloaded_CounterIncrements()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Session" }).ClickAsync();
        var first = await page.GetByTestId("visits").InnerTextAsync();

        await page.ReloadAsync();
        await page.ReloadAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "session.png"), FullPage = true });

        Assert.Equal("1", first);
        Assert.Equal("3", await page.GetByTestId("visits").InnerTextAsync());
    }

    [Fact]
    public async Task ForgetMe_Clicked_StartsCountingAgain()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/session/");
        await page.ReloadAsync();

        await page.GetByTestId("forget").ClickAsync();
        await page.GetByTestId("visits").WaitForAsync();

        Assert.Equal("1", await page.GetByTestId("visits").InnerTextAsync());
    }

    [Fact]
    public async Task ExpiryForm_ZeroMinutes_ShowsBrowserCloseExpiry()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/session/");

        await page.Locator("#Expiry_Minutes").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the expiry" }).ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "session-expiry.png"), FullPage = true });

        Assert.Equal("when the browser closes", await page.GetByTestId("expiry").InnerTextAsync());
        var sessionCookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "sessionid");
        Assert.Equal(-1, sessionCookie.Expires);
    }
}
