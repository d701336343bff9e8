using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Tests.Admin;

/// <summary>Who enters the admin: anonymous users are challenged, only active staff enter, each screen checks its permission.</summary>
public sealed class AdminAccessTests : IAsyncLifetime
{
    private UsersTestHost _host = null!;

    public async Task InitializeAsync() => (_host, _, _) = await AdminTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/admin/")]
    [InlineData("/admin/auth/user/")]
    [InlineData("/admin/clinic/doctor/")]
    [InlineData("/admin/clinic/doctor/add/")]
    public async Task Get_Anonymous_IsSentToTheSignInPage(string path)
    {
        var response = await _host.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var login = _host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).LoginPath;
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("http://localhost" + login, location, StringComparison.Ordinal);
        Assert.EndsWith("ReturnUrl=" + Uri.EscapeDataString(path), location, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Anonymous_IsChallengedBeforeAnythingElse()
    {
        var response = await _host.CreateClient().PostAsync("/admin/clinic/doctor/add/", new FormUrlEncodedContent([new("Name", "x")]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await _host.DbAsync(db => Task.FromResult(db.Doctors.Count())));
    }

    [Fact]
    public async Task Get_SignedInNotStaff_IsForbidden()
    {
        var (client, _) = await _host.SignInAsync("patient@example.com", staff: false, permissions: "clinic.view_doctor");

        var (status, html) = await client.GetHtmlAsync("/admin/");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("may not use the administration site", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_StaffDeactivated_IsRefusedOnTheNextRequest()
    {
        var (client, user) = await _host.SignInAsync("staff@example.com", superuser: true);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/")).StatusCode);

        await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<ClinicUserManager<TestUser>>();
            await users.DeactivateAsync((await users.FindByIdAsync(user.Id))!);
        });
        var response = await client.GetAsync("/admin/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var login = _host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).LoginPath;
        Assert.Contains(login.Value!, response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_StaffWithoutPermissions_SeesAnEmptyDashboardAndIsForbiddenEverywhereElse()
    {
        var (client, _) = await _host.SignInAsync("staff@example.com");

        var (status, html) = await client.GetHtmlAsync("/admin/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("You don’t have permission to view or edit anything.", html, StringComparison.Ordinal);
        foreach (var path in new[] { "/admin/auth/user/", "/admin/auth/group/", "/admin/auth/permission/", "/admin/clinic/doctor/", "/admin/clinic/doctor/add/", "/admin/clinic/appointment/" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Get_StaffWithViewPermission_SeesOnlyThatModel()
    {
        var (client, _) = await _host.SignInAsync("staff@example.com", permissions: "clinic.view_doctor");

        var (_, dashboard) = await client.GetHtmlAsync("/admin/");

        Assert.Contains("href=\"/admin/clinic/doctor/\"", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/clinic/appointment/", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/clinic/doctor/add/", dashboard, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/clinic/doctor/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/clinic/appointment/")).StatusCode);
    }

    [Fact]
    public async Task Get_Superuser_EntersEveryScreen()
    {
        var (client, user) = await _host.SignInAsync("root@example.com", superuser: true);
        var doctor = await _host.AddDoctorAsync("House", appointments: 1);

        foreach (var path in new[]
        {
            "/admin/", "/admin/auth/user/", "/admin/auth/user/add/", $"/admin/auth/user/{user.Id}/change/", $"/admin/auth/user/{user.Id}/password/",
            $"/admin/auth/user/{user.Id}/history/", "/admin/auth/group/", "/admin/auth/group/add/", "/admin/auth/permission/", "/admin/clinic/doctor/",
            "/admin/clinic/doctor/add/", $"/admin/clinic/doctor/{doctor.Id}/change/", $"/admin/clinic/doctor/{doctor.Id}/delete/", $"/admin/clinic/doctor/{doctor.Id}/history/",
            "/admin/clinic/appointment/", "/admin/clinic/appointment/add/",
        })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task Get_UnknownModelOrObject_IsNotFound()
    {
        var (client, _) = await _host.SignInAsync("root@example.com", superuser: true);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/clinic/nothing/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/clinic/doctor/999/change/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/clinic/doctor/not-a-number/change/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/auth/user/nobody/change/")).StatusCode);
    }

    [Fact]
    public async Task StyleSheet_IsServedFromTheAssemblyWithoutSignIn()
    {
        var response = await _host.CreateClient().GetAsync("/admin/static/admin.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("@media (max-width: 767px)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
