using Clinic.Erp.Data;
using Clinic.Testing;
using Microsoft.Playwright;

namespace Clinic.Erp.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class ProfileBrowserTests : IClassFixture<BrowserSession>
{
    private readonly BrowserSession _browser;

    public ProfileBrowserTests(BrowserSession browser) => _browser = browser;

    [Fact]
    public async Task ProfilePage_PictureUploaded_ShownOnThePage()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/accounts/login/");
        await page.Locator("#Email").FillAsync(DemoData.GreyEmail);
        await page.Locator("#Password").FillAsync(DemoData.GreyPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await page.Locator("input[name='Profile.Picture']").WaitForAsync();
        Assert.Contains("/_clinic/default-avatar.png", await page.Locator("img.clinic-profiles-avatar").GetAttributeAsync("src"), StringComparison.Ordinal);

        await page.Locator("#Account_FirstName").FillAsync("Meredith Ellis");
        await page.Locator("input[name='Profile.Picture']").SetInputFilesAsync(new FilePayload
        {
            Name = "portrait.png",
            MimeType = "image/png",
            Buffer = ProfilePageTests.Png(320, 240),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByTestId("profile-saved").WaitForAsync();

        var avatar = page.Locator("img.clinic-profiles-avatar");
        Assert.StartsWith("/media/profiles/", await avatar.GetAttributeAsync("src"), StringComparison.Ordinal);
        // The browser fetched and decoded the stored thumbnail: a broken image has a natural width of 0.
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('img.clinic-profiles-avatar'); return img.complete && img.naturalWidth > 0; }");
        Assert.True(await avatar.EvaluateAsync<int>("img => img.naturalWidth") > 0);
        Assert.Equal("Meredith Ellis", await page.Locator("#Account_FirstName").InputValueAsync());

        var screenshot = Path.Combine(BrowserSession.ScreenshotFolder, "profile.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        var docs = Path.Combine(TestEnvironment.RepositoryRoot, "docs", "screenshots");
        Directory.CreateDirectory(docs);
        File.Copy(screenshot, Path.Combine(docs, "profile.png"), overwrite: true);
    }
}
