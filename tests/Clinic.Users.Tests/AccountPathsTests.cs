using System.Net;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Tests;

/// <summary>The application cookie's sign-in, sign-out and access-denied paths come from <see cref="ClinicUsersOptions"/>.</summary>
public sealed class AccountPathsTests
{
    [Fact]
    public async Task AddClinicUsers_Defaults_DjangoStylePaths()
    {
        await using var host = await UsersTestHost.StartAsync(TestDatabase.Sqlite());

        var cookie = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal("/accounts/login/", cookie.LoginPath);
        Assert.Equal("/accounts/logout/", cookie.LogoutPath);
    }

    [Fact]
    public async Task Forbidden_AccessDeniedPathConfigured_RedirectsThere()
    {
        await using var host = await StartAsync(o =>
        {
            o.LoginPath = "/signin/";
            o.AccessDeniedPath = "/denied/";
        });
        await host.CreateUserAsync("plain@example.com");
        using var anonymous = host.CreateClient();
        using var client = await SignedInAsync(host, "plain@example.com");

        var challenged = await anonymous.GetAsync("/patients");
        var forbidden = await client.GetAsync("/patients");

        Assert.StartsWith("/signin/?ReturnUrl=", challenged.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.StartsWith("/denied/?ReturnUrl=", forbidden.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_AppSetsItsOwnCookiePathsAfterwards_TheAppWins()
    {
        await using var host = await StartAsync(services: s => s.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Identity/Account/Login";
            o.AccessDeniedPath = "/Identity/Account/AccessDenied";
        }));
        await host.CreateUserAsync("plain@example.com");
        using var anonymous = host.CreateClient();
        using var client = await SignedInAsync(host, "plain@example.com");

        Assert.StartsWith("/Identity/Account/Login?", (await anonymous.GetAsync("/patients")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Identity/Account/AccessDenied?", (await client.GetAsync("/patients")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static Task<UsersTestHost> StartAsync(Action<ClinicUsersOptions>? options = null, Action<IServiceCollection>? services = null) =>
        UsersTestHost.StartAsync(TestDatabase.Sqlite(), options, services, app => app.MapPermissionEndpoints());

    private static async Task<HttpClient> SignedInAsync(UsersTestHost host, string email)
    {
        var client = host.CreateClient();
        var response = await client.PostAsync($"/test/impersonate?email={Uri.EscapeDataString(email)}", null);
        response.EnsureSuccessStatusCode();
        return client;
    }
}
