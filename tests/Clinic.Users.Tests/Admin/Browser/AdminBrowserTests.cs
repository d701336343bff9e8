using System.Net;
using Clinic.Testing.Browser;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace Clinic.Users.Tests.Admin.Browser;

/// <summary>
/// The admin in headless Chromium: an administrator creates a group with a permission and puts a user in it; that
/// user then sees the matching screen. Saves screenshots of the dashboard, a list and an edit page.
/// </summary>
public sealed class AdminBrowserTests : IAsyncLifetime
{
    private UsersTestHost _host = null!;
    private HeadlessChromium _chromium = null!;

    public async Task InitializeAsync()
    {
        (_host, _, _) = await AdminTestHost.StartAsync(pipeline: MapSignInPage, loopback: true);
        _chromium = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Admin_GivesAUserAGroupWithAPermission_UserThenSeesTheScreen()
    {
        await _host.CreateUserAsync("admin@example.com", AdminTestHost.Password, u => { u.IsStaff = true; u.IsSuperuser = true; u.FirstName = "Ada"; });
        await _host.CreateUserAsync("nurse@example.com", AdminTestHost.Password, u => { u.IsStaff = true; u.FirstName = "Nina"; u.LastName = "Nurse"; });
        foreach (var (name, specialty) in new[] { ("Gregory House", Specialty.General), ("James Wilson", Specialty.Cardiology), ("Lisa Cuddy", Specialty.Paediatrics) })
        {
            await _host.AddDoctorAsync(name, specialty: specialty);
        }

        var admin = await _chromium.NewPageAsync(_host.LoopbackAddress!);
        await SignInAsync(admin, "admin@example.com");
        await admin.GotoAsync("/admin/");
        Assert.Equal("Site administration | Clinic administration", await admin.TitleAsync());
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-dashboard.png"), FullPage = true });

        await admin.GotoAsync("/admin/auth/group/add/");
        await admin.FillAsync("#id_Permissions_filter", "view doctor");
        await admin.ClickAsync("#picker-Permissions button[form=admin-picker-filter]");
        var offered = await admin.Locator("#id_Permissions_available option").AllInnerTextsAsync();
        Assert.Contains("clinic | Can view doctor", offered);
        Assert.All(offered, o => Assert.Contains("view doctor", o, StringComparison.OrdinalIgnoreCase));
        await admin.FillAsync("#Name", "Doctors' readers");
        await admin.SelectOptionAsync("#id_Permissions_available", new SelectOptionValue { Label = "clinic | Can view doctor" });
        await admin.ClickAsync("button[name=_save]");
        Assert.Contains("The group “Doctors' readers” was added successfully.", await admin.Locator(".messages").InnerTextAsync(), StringComparison.Ordinal);

        await admin.GotoAsync("/admin/auth/user/?q=nurse");
        await admin.ClickAsync("text=nurse@example.com");
        await admin.SelectOptionAsync("#id_Groups_available", new SelectOptionValue { Label = "Doctors' readers" });
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-edit.png"), FullPage = true });
        await admin.ClickAsync("button[name=_save]");
        Assert.Contains("was changed successfully", await admin.Locator(".messages").InnerTextAsync(), StringComparison.Ordinal);

        var nurse = await _chromium.NewPageAsync(_host.LoopbackAddress!);
        await SignInAsync(nurse, "nurse@example.com");
        await nurse.GotoAsync("/admin/");
        await nurse.ClickAsync("text=Doctors");
        Assert.EndsWith("/admin/clinic/doctor/", nurse.Url, StringComparison.Ordinal);
        Assert.Equal(["Gregory House", "James Wilson", "Lisa Cuddy"], await nurse.Locator("#result_list tbody th a").AllInnerTextsAsync());
        Assert.Equal(0, await nurse.Locator("a.addlink").CountAsync());
        await nurse.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-list.png"), FullPage = true });
        var forbidden = await nurse.GotoAsync("/admin/clinic/appointment/");
        Assert.Equal((int)HttpStatusCode.Forbidden, forbidden!.Status);
    }

    [Fact]
    public async Task Dashboard_OnAPhoneSizedScreen_HasNoSidewaysScrolling()
    {
        await _host.CreateUserAsync("admin@example.com", AdminTestHost.Password, u => { u.IsStaff = true; u.IsSuperuser = true; });
        await _host.AddDoctorAsync("Gregory House");
        var phone = await _chromium.NewPageAsync(_host.LoopbackAddress!, width: 375, height: 740);
        await SignInAsync(phone, "admin@example.com");

        foreach (var path in new[] { "/admin/", "/admin/clinic/doctor/", "/admin/clinic/doctor/add/" })
        {
            await phone.GotoAsync(path);
            Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), path);
        }

        await phone.GotoAsync("/admin/clinic/doctor/");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("admin-phone-list.png"), FullPage = true });
    }

    private static string Shot(string name) => Path.Combine(HeadlessChromium.ScreenshotFolder, name);

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", AdminTestHost.Password);
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("ok", await page.Locator("body").InnerTextAsync());
    }

    /// <summary>A plain sign-in form over the test app's <c>POST /login</c>.</summary>
    private static void MapSignInPage(WebApplication app) =>
        app.MapGet("/signin", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var token = antiforgery.GetAndStoreTokens(http).RequestToken!;
            return Results.Content(
                $"""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head><body>
                <form method="post" action="/login">
                <input type="hidden" name="__RequestVerificationToken" value="{WebUtility.HtmlEncode(token)}">
                <label>Email <input name="Email" type="email"></label>
                <label>Password <input name="Password" type="password"></label>
                <button type="submit">Sign in</button>
                </form></body></html>
                """,
                "text/html");
        });
}
