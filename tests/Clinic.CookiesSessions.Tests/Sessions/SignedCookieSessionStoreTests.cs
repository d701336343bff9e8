using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.CookiesSessions.Tests.Sessions;

/// <summary>SESS-09: the whole session in a signed cookie.</summary>
[Trait("Case", "SESS-09")]
public sealed class SignedCookieSessionStoreTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private IHost? _host;

    public void Dispose() => _host?.Dispose();

    private async Task<HttpClient> ClientAsync()
    {
        _host = await TestHosts.StartAsync(
            s =>
            {
                s.AddLogging(l => l.AddFakeLogging());
                s.AddDataProtection().UseEphemeralDataProtectionProvider();
                s.AddClinicSessions(o => o.DefaultExpiry = TimeSpan.FromHours(1)).UseSignedCookieStore();
                s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
            },
            app =>
            {
                app.Use(async (context, next) =>
                {
                    try
                    {
                        await next(context);
                    }
                    catch (CookieTooLargeException) when (!context.Response.HasStarted)
                    {
                        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    }
                });
                app.UseClinicSessions();
                app.Run(async context =>
                {
                    var query = context.Request.Query;
                    switch (context.Request.Path.Value)
                    {
                        case "/write":
                            context.Session.SetString(query["k"]!, query["v"]!);
                            break;
                        case "/big":
                            context.Session.SetString("big", new string('x', 5 * 1024));
                            break;
                        case "/flush":
                            await context.GetClinicSession().FlushAsync();
                            break;
                        default:
                            await context.Response.WriteAsync(context.Session.GetString(query["k"]!) ?? "<none>");
                            break;
                    }
                });
            });
        return _host.GetTestServer().CreateClient();
    }

    private static async Task<(HttpStatusCode Status, string Body, string? Cookie)> Send(HttpClient client, string path, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost" + path));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", "sessionid=" + cookie);
        }

        var response = await client.SendAsync(request);
        var header = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Single() : null;
        var value = header?["sessionid=".Length..header.IndexOf(';', StringComparison.Ordinal)];
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), value);
    }

    [Fact]
    public async Task Write_ThenRead_DataTravelsInTheCookie()
    {
        var client = await ClientAsync();
        var cookie = (await Send(client, "/write?k=a&v=1")).Cookie;

        Assert.NotNull(cookie);
        Assert.DoesNotContain("\"a\"", cookie, StringComparison.Ordinal);
        Assert.Equal("1", (await Send(client, "/read?k=a", cookie)).Body);
    }

    [Fact]
    [Trait("Case", "SIGN-01")]
    public async Task TamperedCookie_EmptySessionAndSecurityLogNo500()
    {
        var client = await ClientAsync();
        var cookie = (await Send(client, "/write?k=a&v=1")).Cookie!;
        var tampered = cookie[..20] + (cookie[20] == 'A' ? 'B' : 'A') + cookie[21..];

        foreach (var variant in new[] { tampered, "garbage", cookie + "x", cookie.ToUpperInvariant() })
        {
            var result = await Send(client, "/read?k=a", variant);
            Assert.Equal(HttpStatusCode.OK, result.Status);
            Assert.Equal("<none>", result.Body);
        }

        var logs = _host!.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, l => l.Id.Id == 3100);
    }

    [Fact]
    [Trait("Case", "SIGN-08")]
    public async Task SessionOver4KB_ExplicitErrorNoCookie()
    {
        var client = await ClientAsync();
        var result = await Send(client, "/big");

        Assert.Equal(HttpStatusCode.InternalServerError, result.Status);
        Assert.Null(result.Cookie);
    }

    [Fact]
    public async Task ReplayAfterDefaultExpiry_Rejected()
    {
        var client = await ClientAsync();
        var cookie = (await Send(client, "/write?k=a&v=1")).Cookie;

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal("1", (await Send(client, "/read?k=a", cookie)).Body);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("<none>", (await Send(client, "/read?k=a", cookie)).Body);
    }

    [Fact]
    public async Task Flush_DeletesCookie()
    {
        var client = await ClientAsync();
        var cookie = (await Send(client, "/write?k=a&v=1")).Cookie;

        Assert.Equal(string.Empty, (await Send(client, "/flush", cookie)).Cookie);
    }
}
