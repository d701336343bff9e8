using Clinic.Erp.Data;
using Microsoft.Playwright;

namespace Clinic.Erp.Tests.Browser;

/// <summary>The sample's admin panel in headless Chromium: a permission granted there changes what a user is offered.</summary>
[Trait("Category", "Browser")]
public sealed class AdminBrowserTests : IClassFixture<BrowserSession>
{
    private readonly BrowserSession _browser;

    public AdminBrowserTests(BrowserSession browser) => _browser = browser;

    [Fact]
    public async Task PermissionGrantedInTheAdmin_MakesTheDeleteButtonAppear()
    {
        // Dr House (group "Doctors") may change his patients but not delete them: Edit is offered, Delete is not.
        var doctor = await SignInAsync(DemoData.HouseEmail, DemoData.HousePassword);
        await doctor.GetByTestId("my-patients").ClickAsync();
        var row = doctor.Locator("[data-testid=patient-table] tbody tr", new() { HasText = "Ada Lovelace" });
        await row.WaitForAsync();
        Assert.Equal(1, await row.GetByRole(AriaRole.Link, new() { Name = "Edit" }).CountAsync());
        Assert.Equal(0, await row.GetByRole(AriaRole.Link, new() { Name = "Delete" }).CountAsync());
        Assert.Equal(0, await doctor.GetByTestId("admin-link").CountAsync());
        await Shot(doctor, "sample-admin-1-before.png");

        // The admin enters through the top bar's link and gives House the permission itself (not his group's).
        var admin = await SignInAsync(DemoData.AdminEmail, DemoData.AdminPassword);
        await admin.GetByTestId("admin-link").ClickAsync();
        await admin.WaitForURLAsync("**/admin/");
        await Shot(admin, "sample-admin-dashboard.png");
        await admin.GotoAsync("/admin/erp/patient/");
        Assert.Equal(5, await admin.Locator("#result_list tbody tr").CountAsync());
        await Shot(admin, "sample-admin-patients.png");

        await admin.GotoAsync("/admin/auth/user/?q=house");
        await admin.ClickAsync("text=" + DemoData.HouseEmail);
        await admin.FillAsync("#id_Permissions_filter", "delete patient");
        await admin.ClickAsync("#picker-Permissions button[form=admin-picker-filter]");
        await admin.SelectOptionAsync("#id_Permissions_available", new SelectOptionValue { Label = "erp | Can delete patient" });
        await Shot(admin, "sample-admin-2-grant.png");
        await admin.ClickAsync("button[name=_save]");
        Assert.Contains("was changed successfully", await admin.Locator(".messages").InnerTextAsync(), StringComparison.Ordinal);

        // House's next page load asks for his permissions afresh: Delete is there, and it opens the confirmation.
        await doctor.ReloadAsync();
        await row.WaitForAsync();
        Assert.Equal(1, await row.GetByRole(AriaRole.Link, new() { Name = "Delete" }).CountAsync());
        await Shot(doctor, "sample-admin-3-after.png");
        await row.GetByRole(AriaRole.Link, new() { Name = "Delete" }).ClickAsync();
        Assert.Contains("/delete/", doctor.Url, StringComparison.Ordinal);
    }

    private async Task<IPage> SignInAsync(string email, string password)
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/accounts/login/");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator(".signed-in").WaitForAsync();
        return page;
    }

    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, name), FullPage = true });
}
