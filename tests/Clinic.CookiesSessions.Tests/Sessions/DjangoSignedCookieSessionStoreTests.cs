using System.Net;
using Clinic.CookiesSessions.Tests.Django;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.CookiesSessions.Tests.Sessions;

/// <summary>
/// SESS-09 in Django's format: the session cookie of <c>UseDjangoSignedCookieStore</c> is read by real Django's
/// <c>signed_cookies</c> backend, and the other way round.
/// </summary>
[Trait("Case", "SESS-09")]
public sealed class DjangoSignedCookieSessionStoreTests : IDisposable
{
    private const string Key = "django-insecure-signed-cookie-session-key";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DjangoBridge.Now));
    private IHost? _host;

    public void Dispose() => _host?.Dispose();

    private async Task<HttpClient> ClientAsync()
    {
        _host = await TestHosts.StartAsync(
            s =>
            {
                s.AddLogging(l => l.AddFakeLogging());
                s.AddClinicCookies().UseDjangoCookieSigner(o => o.SecretKey = Key);
                s.AddClinicSessions(o => o.DefaultExpiry = TimeSpan.FromHours(1)).UseDjangoSignedCookieStore();
                s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
            },
            app =>
            {
                app.UseClinicSessions();
                app.Run(async context =>
                {
                    var query = context.Request.Query;
                    if (context.Request.Path == "/write")
                    {
                        context.Session.SetString(query["k"]!, query["v"]!);
                        context.GetClinicSession().SetJson("cart", new[] { 1, 2, 3 });
                    }
                    else
                    {
                        await context.Response.WriteAsync(context.Session.GetString(query["k"]!) ?? "<none>");
                    }
                });
            });
        return _host.GetTestServer().CreateClient();
    }

    private static string CookieValue(HttpResponseMessage response)
    {
        var pair = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        Assert.StartsWith("sessionid=", pair, StringComparison.Ordinal);
        return pair["sessionid=".Length..];
    }

    private static async Task<string> ReadAsync(HttpClient client, string cookie, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/read?k=" + key, UriKind.Relative));
        request.Headers.Add("Cookie", "sessionid=" + cookie);
        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task ClinicCookie_IsReadByDjangosSignedCookiesBackend()
    {
        var client = await ClientAsync();
        using var written = await client.GetAsync(new Uri("/write?k=theme&v=dark+%C3%A9", UriKind.Relative));
        var cookie = CookieValue(written);

        var django = DjangoBridge.RunOne(Key, new { op = "session_cookie_decode", value = cookie, now = DjangoBridge.Now + 60 });

        Assert.Null(django.Error);
        Assert.Equal("dark é", django.Ok!["theme"]!.GetValue<string>());
        Assert.Equal([1, 2, 3], django.Ok["cart"]!.AsArray().Select(n => n!.GetValue<int>()));
    }

    [Fact]
    public async Task DjangoCookie_IsReadByClinic()
    {
        var client = await ClientAsync();
        var django = DjangoBridge.RunOne(Key, new { op = "session_cookie_encode", value = new Dictionary<string, object> { ["theme"] = "light" }, now = DjangoBridge.Now });

        Assert.Equal("light", await ReadAsync(client, django.Value, "theme"));
    }

    [Fact]
    public async Task ClinicCookie_WithAnotherSecret_IsEmptyForDjango()
    {
        var client = await ClientAsync();
        using var written = await client.GetAsync(new Uri("/write?k=theme&v=dark", UriKind.Relative));

        var django = DjangoBridge.RunOne("another-secret-key", new { op = "session_cookie_decode", value = CookieValue(written), now = DjangoBridge.Now });

        Assert.Empty(django.Ok!.AsObject());
    }

    [Fact]
    public async Task TamperedOrExpiredCookie_IsAnEmptySessionAndLogged()
    {
        var client = await ClientAsync();
        using var written = await client.GetAsync(new Uri("/write?k=theme&v=dark", UriKind.Relative));
        var cookie = CookieValue(written);

        Assert.Equal("<none>", await ReadAsync(client, "x" + cookie[1..], "theme"));
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Equal("<none>", await ReadAsync(client, cookie, "theme"));

        var events = _host!.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Id == 3100).Select(r => r.Message).ToList();
        Assert.Equal(2, events.Count);
        Assert.Contains(events, m => m.Contains("BadSignature", StringComparison.Ordinal));
        Assert.Contains(events, m => m.Contains("Expired", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a")]
    [InlineData(":")]
    [InlineData(".eJw:1:2")]
    [InlineData("e30:1r31eq:AAAA")]
    [InlineData(".%%%:1r31eq:signature")]
    [InlineData("eyJhIjoxfQ:zzzzzzzzzzzzzzzzzzzz:abc")]
    public async Task MalformedCookie_IsAnEmptySessionNot500(string cookie)
    {
        var client = await ClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/read?k=theme", UriKind.Relative));
        request.Headers.Add("Cookie", "sessionid=" + cookie);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<none>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void WithoutDjangoSecretKey_FailsWithMessage()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddClinicSessions().UseDjangoSignedCookieStore();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IClinicSessionStore>());
        Assert.Contains("UseDjangoCookieSigner", ex.Message, StringComparison.Ordinal);
    }
}
