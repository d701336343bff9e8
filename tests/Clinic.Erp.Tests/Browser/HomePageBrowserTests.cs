using Microsoft.Playwright;

namespace Clinic.Erp.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class HomePageBrowserTests : IClassFixture<BrowserSession>
{
    private readonly BrowserSession _browser;

    public HomePageBrowserTests(BrowserSession browser) => _browser = browser;

    [Fact]
    public async Task HomePage_InChromium_ShowsCountsAndDoctorsTable()
    {
        var page = await _browser.NewPageAsync();

        var response = await page.GotoAsync("/");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserSession.ScreenshotFolder, "home.png"),
            FullPage = true,
        });

        Assert.Equal(200, response?.Status);
        Assert.Equal("Home · Clinic ERP", await page.TitleAsync());
        Assert.Equal("2", await page.GetByTestId("doctor-count").InnerTextAsync());
        Assert.Equal(2, await page.Locator("table tbody tr").CountAsync());
        // The stylesheet is served locally and applied: the top bar takes the accent colour.
        var background = await page.Locator(".topbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(15, 118, 110)", background);
    }

    [Fact]
    public async Task HomePage_OnPhoneSizedScreen_HidesSecondaryColumn()
    {
        var page = await _browser.NewPageAsync();
        await page.SetViewportSizeAsync(375, 740);

        await page.GotoAsync("/");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "home-phone.png") });

        Assert.False(await page.Locator("table thead th").Nth(1).IsVisibleAsync());
        Assert.True(await page.Locator("table thead th").Nth(0).IsVisibleAsync());
    }
}
