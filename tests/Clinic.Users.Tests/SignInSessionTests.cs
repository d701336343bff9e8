using System.Net;
using Clinic.CookiesSessions;
using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users.Tests;

/// <summary>
/// What a sign-in writes into the app's session (user id, client address) and Django's <c>login()</c> rule for a
/// session that belongs to someone else, with Clinic.CookiesSessions as the session (it rotates the key at sign-in).
/// </summary>
public sealed class SignInSessionTests : IAsyncLifetime
{
    private const string Password = "correct horse 42";
    private const string SessionCookie = "sessionid";
    private UsersTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await UsersTestHost.StartAsync(
            TestDatabase.Sqlite(),
            services: s =>
            {
                AccountEndpoints.AddAccountApp(s);
                s.AddClinicSessions();
            },
            beforeAuthentication: app => app.UseClinicSessions(),
            pipeline: app =>
            {
                app.MapAccountEndpoints();
                MapSessionEndpoints(app);
            });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Endpoints that read and write the session, shared with <see cref="AspNetCoreSessionSignInTests"/>.</summary>
    internal static void MapSessionEndpoints(WebApplication app)
    {
        app.MapGet("/session/ip", (HttpContext http) => http.Session.GetString(ClinicUsersDefaults.SessionUserIpKey) ?? "none");
        app.MapGet("/session/user", (HttpContext http) => http.Session.GetString(ClinicUsersDefaults.SessionUserIdKey) ?? "none");
        app.MapGet("/cart", (HttpContext http) => http.Session.GetString("cart") ?? "none");
        app.MapPost("/cart", ([FromForm] string value, HttpContext http) =>
        {
            http.Session.SetString("cart", value);
            return "ok";
        });
    }

    [Theory]
    [InlineData("198.51.100.20", null, "198.51.100.20")]                      // a direct connection
    [InlineData("198.51.100.7", "203.0.113.50", "198.51.100.7")]              // a forged X-Forwarded-For from an untrusted client
    [InlineData(AccountEndpoints.TrustedProxy, "203.0.113.50", "203.0.113.50")] // the trusted proxy's header
    public async Task Login_ClientAddress_IsRecordedOnTheUserAndInTheSession(string connection, string? forwardedFor, string expected)
    {
        var user = await _host.CreateUserAsync("ip@example.com", Password);
        using var client = _host.CreateClient();
        var headers = new Dictionary<string, string> { ["X-Test-Connection-Ip"] = connection };
        if (forwardedFor is not null)
        {
            headers["X-Forwarded-For"] = forwardedFor;
        }

        Assert.Equal("ok", await client.LoginAsync("ip@example.com", Password, headers));

        var stored = await _host.InScopeAsync(async sp => (await sp.GetRequiredService<ClinicUserManager<TestUser>>().FindByIdAsync(user.Id))!);
        Assert.Equal(expected, stored.LastLoginIp);
        Assert.Equal(expected, await client.GetStringAsync("/session/ip"));
        Assert.Equal(user.Id, await client.GetStringAsync("/session/user"));
    }

    [Fact]
    [Trait("Case", "AUTH-02")]
    public async Task Login_OnTopOfAnotherUsersSession_NewKeyWithoutTheirDataAndTheirOldKeyDead()
    {
        await _host.CreateUserAsync("alice@example.com", Password);
        await _host.CreateUserAsync("bob@example.com", Password);
        var jar = new CookieContainer();
        using var browser = _host.CreateClient(jar);
        Assert.Equal("ok", await browser.LoginAsync("alice@example.com", Password));
        Assert.Equal("ok", await (await browser.PostFormAsync("/cart", new Dictionary<string, string> { ["value"] = "A" })).Content.ReadAsStringAsync());
        Assert.Equal("A", await browser.GetStringAsync("/cart"));
        var aliceKey = SessionKey(jar);
        using var copyOfAlice = _host.CreateClient(Copy(jar));

        Assert.Equal("ok", await browser.LoginAsync("bob@example.com", Password));

        var bobKey = SessionKey(jar);
        Assert.NotEqual(aliceKey, bobKey);
        Assert.Equal("bob@example.com", await browser.GetStringAsync("/profile"));
        Assert.Equal("none", await browser.GetStringAsync("/cart"));
        var store = _host.Services.GetRequiredService<IClinicSessionStore>();
        Assert.Null(await store.LoadAsync(aliceKey, CancellationToken.None));
        Assert.NotNull(await store.LoadAsync(bobKey, CancellationToken.None));
        Assert.Equal("none", await copyOfAlice.GetStringAsync("/cart"));
        Assert.Equal(HttpStatusCode.Unauthorized, await copyOfAlice.ProfileAsync());
    }

    [Fact]
    [Trait("Case", "AUTH-01")]
    public async Task Login_SameUserAgain_KeepsSessionDataUnderANewKey()
    {
        await _host.CreateUserAsync("carol@example.com", Password);
        var jar = new CookieContainer();
        using var browser = _host.CreateClient(jar);
        Assert.Equal("ok", await browser.LoginAsync("carol@example.com", Password));
        await browser.PostFormAsync("/cart", new Dictionary<string, string> { ["value"] = "C" });
        var firstKey = SessionKey(jar);
        using var copyOfFirst = _host.CreateClient(Copy(jar));

        Assert.Equal("ok", await browser.LoginAsync("carol@example.com", Password));

        Assert.NotEqual(firstKey, SessionKey(jar));
        Assert.Equal("C", await browser.GetStringAsync("/cart"));
        Assert.Null(await _host.Services.GetRequiredService<IClinicSessionStore>().LoadAsync(firstKey, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, await copyOfFirst.ProfileAsync());
    }

    [Fact]
    public async Task Logout_SignedInSession_ForgetsUserAndAddress()
    {
        await _host.CreateUserAsync("dora@example.com", Password);
        var jar = new CookieContainer();
        using var browser = _host.CreateClient(jar);
        await browser.LoginAsync("dora@example.com", Password);
        var signedInKey = SessionKey(jar);

        await browser.PostFormAsync("/logout", new Dictionary<string, string>());

        Assert.Equal("none", await browser.GetStringAsync("/session/user"));
        Assert.Equal("none", await browser.GetStringAsync("/session/ip"));
        Assert.Null(await _host.Services.GetRequiredService<IClinicSessionStore>().LoadAsync(signedInKey, CancellationToken.None));
    }

    internal static CookieContainer Copy(CookieContainer source)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in source.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return copy;
    }

    private static string SessionKey(CookieContainer jar) =>
        jar.GetAllCookies().Single(c => c.Name == SessionCookie).Value;
}
