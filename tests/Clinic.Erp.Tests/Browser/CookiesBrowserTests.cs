using Microsoft.Playwright;

namespace Clinic.Erp.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class CookiesBrowserTests : IClassFixture<BrowserSession>
{
    private readonly BrowserSession _browser;

    public CookiesBrowserTests(BrowserSession browser) => _browser = browser;

    [Fact]
    public async Task SignedCookieForm_Submitted_ReadsTheValueBack()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cookies" }).ClickAsync();

        await SetSignedCookieAsync(page, "hello from chromium", "demo");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "cookies.png"), FullPage = true });

        Assert.EndsWith("/cookies/?salt=demo", page.Url, StringComparison.Ordinal);
        Assert.Equal("valid", await page.GetByTestId("signed-status").InnerTextAsync());
        Assert.Equal("hello from chromium", await page.GetByTestId("signed-value").InnerTextAsync());
    }

    [Fact]
    public async Task SignedCookie_TamperedInTheBrowser_IsRejected()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/cookies/");
        await SetSignedCookieAsync(page, "do not touch", "demo");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "erp_signed");
        var middle = cookie.Value.Length / 2;
        var tampered = cookie.Value[..middle] + (cookie.Value[middle] == 'A' ? 'B' : 'A') + cookie.Value[(middle + 1)..];

        await page.Context.AddCookiesAsync(
        [
            new Cookie { Name = cookie.Name, Value = tampered, Domain = cookie.Domain, Path = cookie.Path, HttpOnly = true, SameSite = SameSiteAttribute.Lax },
        ]);
        await page.ReloadAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "cookies-tampered.png"), FullPage = true });

        Assert.Equal("invalid", await page.GetByTestId("signed-status").InnerTextAsync());
        Assert.Contains("tampered", await page.GetByTestId("signed-reason").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("signed-value").CountAsync());
    }

    [Fact]
    public async Task SignedCookieForm_EmptyValue_ShowsErrorNextToTheField()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/cookies/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Set the signed cookie" }).ClickAsync();

        Assert.Equal("Enter a value to sign.", await page.Locator("[data-valmsg-for='SignedForm.Value']").InnerTextAsync());
        Assert.Equal("missing", await page.GetByTestId("signed-status").InnerTextAsync());
    }

    private static async Task SetSignedCookieAsync(IPage page, string value, string salt)
    {
        await page.Locator("#SignedForm_Value").FillAsync(value);
        await page.Locator("#SignedForm_Salt").FillAsync(salt);
        await page.Locator("#SignedForm_ExpiryMinutes").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the signed cookie" }).ClickAsync();
        await page.GetByTestId("signed-status").WaitForAsync();
    }
}
