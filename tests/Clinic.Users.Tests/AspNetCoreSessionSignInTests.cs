using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users.Tests;

/// <summary>The same session records with ASP.NET Core's own session middleware: Clinic.Users needs only <c>ISessionFeature</c>.</summary>
public sealed class AspNetCoreSessionSignInTests : IAsyncLifetime
{
    private const string Password = "correct horse 42";
    private UsersTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await UsersTestHost.StartAsync(
            TestDatabase.Sqlite(),
            services: s =>
            {
                AccountEndpoints.AddAccountApp(s);
                s.AddSession();
            },
            beforeAuthentication: app => app.UseSession(),
            pipeline: app =>
            {
                app.MapAccountEndpoints();
                SignInSessionTests.MapSessionEndpoints(app);
            });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Login_BehindTrustedProxy_RecordsForwardedAddressInTheSession()
    {
        var user = await _host.CreateUserAsync("eve@example.com", Password);
        using var client = _host.CreateClient();

        await client.LoginAsync("eve@example.com", Password, new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.9" });

        Assert.Equal("203.0.113.9", await client.GetStringAsync("/session/ip"));
        Assert.Equal(user.Id, await client.GetStringAsync("/session/user"));
    }

    [Fact]
    [Trait("Case", "AUTH-02")]
    public async Task Login_OnTopOfAnotherUsersSession_ClearsTheirData()
    {
        await _host.CreateUserAsync("alice@example.com", Password);
        var bob = await _host.CreateUserAsync("bob@example.com", Password);
        using var browser = _host.CreateClient();
        await browser.LoginAsync("alice@example.com", Password);
        await browser.PostFormAsync("/cart", new Dictionary<string, string> { ["value"] = "A" });
        Assert.Equal("A", await browser.GetStringAsync("/cart"));

        Assert.Equal("ok", await browser.LoginAsync("bob@example.com", Password));

        Assert.Equal("none", await browser.GetStringAsync("/cart"));
        Assert.Equal(bob.Id, await browser.GetStringAsync("/session/user"));
    }
}
