using System.Security.Claims;
using System.Text.RegularExpressions;
using Clinic.CookiesSessions.Internal;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.CookiesSessions.Tests.Sessions;

/// <summary>Cookie sign-in cycles the session key; sign-out flushes the session (AUTH-01, Django's login/logout).</summary>
public sealed partial class SignInIntegrationTests
{
    private readonly InMemorySessionStore _store = new(TimeProvider.System);

    private async Task<(IHost Host, HttpClient Client)> StartAsync(bool cycle = true)
    {
        var host = await TestHosts.StartAsync(
            s =>
            {
                s.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
                s.AddClinicSessions(o => o.CycleKeyOnSignIn = cycle);
                s.Replace(ServiceDescriptor.Singleton<IClinicSessionStore>(_store));
            },
            app =>
            {
                app.UseClinicSessions();
                app.UseAuthentication();
                app.Run(async context =>
                {
                    switch (context.Request.Path.Value)
                    {
                        case "/write":
                            context.Session.SetString("cart", "A");
                            break;
                        case "/login":
                            await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "alice")], "test")));
                            break;
                        case "/logout":
                            await context.SignOutAsync();
                            break;
                        default:
                            await context.Response.WriteAsync(context.Session.GetString("cart") ?? "<none>");
                            break;
                    }
                });
            });
        return (host, host.GetTestServer().CreateClient());
    }

    private static async Task<string?> SessionKeyAfter(HttpClient client, string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost" + path));
        if (key is not null)
        {
            request.Headers.Add("Cookie", "sessionid=" + key);
        }

        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        return cookies.Select(c => SessionCookie().Match(c)).Where(m => m.Success).Select(m => m.Groups[1].Value).SingleOrDefault();
    }

    [GeneratedRegex("^sessionid=([a-z0-9]*);")]
    private static partial Regex SessionCookie();

    [Fact]
    [Trait("Case", "AUTH-01")]
    public async Task SignIn_PlantedSession_NewKeyKeepsDataOldKeyDead()
    {
        var (host, client) = await StartAsync();
        using (host)
        {
            var planted = await SessionKeyAfter(client, "/write", null);
            var afterLogin = await SessionKeyAfter(client, "/login", planted);

            Assert.NotNull(afterLogin);
            Assert.NotEqual(planted, afterLogin);
            Assert.NotNull(await _store.LoadAsync(afterLogin, CancellationToken.None));
            Assert.Null(await _store.LoadAsync(planted!, CancellationToken.None));
        }
    }

    [Fact]
    [Trait("Case", "AUTH-05")]
    public async Task SignOut_FlushesSessionRecordAndCookie()
    {
        var (host, client) = await StartAsync();
        using (host)
        {
            var key = await SessionKeyAfter(client, "/write", null);

            var afterLogout = await SessionKeyAfter(client, "/logout", key);

            Assert.Equal(string.Empty, afterLogout);
            Assert.Null(await _store.LoadAsync(key!, CancellationToken.None));
        }
    }

    [Fact]
    public async Task SignIn_CyclingTurnedOff_KeepsKey()
    {
        var (host, client) = await StartAsync(cycle: false);
        using (host)
        {
            var key = await SessionKeyAfter(client, "/write", null);
            Assert.Null(await SessionKeyAfter(client, "/login", key));
            Assert.NotNull(await _store.LoadAsync(key!, CancellationToken.None));
        }
    }

    [Fact]
    [Trait("Case", "SESS-04")]
    public async Task CleanupService_RemovesExpiredOnly()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new InMemorySessionStore(clock);
        await store.CreateAsync(new SessionRecord { Key = SessionKeys.New(), Data = "{}", ExpiresUtc = clock.GetUtcNow().UtcDateTime.AddSeconds(5) }, CancellationToken.None);
        var live = SessionKeys.New();
        await store.CreateAsync(new SessionRecord { Key = live, Data = "{}", ExpiresUtc = clock.GetUtcNow().UtcDateTime.AddHours(5) }, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(6));
        var service = new ExpiredSessionCleanupService(store, Options.Create(new ClinicSessionOptions()), clock, NullLogger<ExpiredSessionCleanupService>.Instance, new CookiesSessionsMetrics(null));

        Assert.Equal(1, await service.CleanOnceAsync(CancellationToken.None));
        Assert.NotNull(await store.LoadAsync(live, CancellationToken.None));
    }
}
