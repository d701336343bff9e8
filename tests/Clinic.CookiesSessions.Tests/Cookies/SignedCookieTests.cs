using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.CookiesSessions.Tests.Cookies;

/// <summary>Signed cookies end to end, once per signer: they read back only with the right name, salt and age.</summary>
public abstract class SignedCookieTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    protected abstract void ChooseSigner(ClinicCookiesBuilder builder);

    private async Task<(IHost Host, HttpClient Client)> StartAsync()
    {
        var host = await TestHosts.StartAsync(
            s =>
            {
                ChooseSigner(s.AddClinicCookies());
                s.AddDataProtection().UseEphemeralDataProtectionProvider();
                s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
            },
            async context =>
            {
                var query = context.Request.Query;
                var salt = query["salt"].ToString();
                if (context.Request.Path == "/set")
                {
                    context.Response.SetSignedCookie(query["name"]!, query["value"]!, salt);
                    return;
                }

                var maxAge = query.ContainsKey("maxAge") ? TimeSpan.FromSeconds(int.Parse(query["maxAge"]!, System.Globalization.CultureInfo.InvariantCulture)) : (TimeSpan?)null;
                var result = context.Request.ReadSignedCookie(query["name"]!, salt, maxAge);
                await context.Response.WriteAsync($"{result.Status}|{context.Request.GetSignedCookie(query["name"]!, salt, maxAge)}");
            });
        return (host, host.GetTestServer().CreateClient());
    }

    private static async Task<string> SignedValue(HttpClient client, string name, string value, string salt = "")
    {
        var response = await client.GetAsync(new Uri($"http://localhost/set?name={name}&value={Uri.EscapeDataString(value)}&salt={salt}"));
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", header, StringComparison.Ordinal);
        return header[(name.Length + 1)..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<string> Read(HttpClient client, string name, string? cookie, string salt = "", int? maxAge = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://localhost/get?name={name}&salt={salt}" + (maxAge is null ? "" : $"&maxAge={maxAge}")));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{name}={cookie}");
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task GetSignedCookie_SameNameAndSalt_ReturnsValue()
    {
        var (host, client) = await StartAsync();
        using (host)
        {
            var signed = await SignedValue(client, "theme", "dark ☃", "prefs");
            Assert.Equal("Valid|dark ☃", await Read(client, "theme", signed, "prefs"));
        }
    }

    [Fact]
    public async Task ReadSignedCookie_WrongSaltOrName_BadSignatureAndAbsent()
    {
        var (host, client) = await StartAsync();
        using (host)
        {
            var signed = await SignedValue(client, "theme", "dark", "prefs");
            Assert.Equal("BadSignature|", await Read(client, "theme", signed, "other"));
            Assert.Equal("BadSignature|", await Read(client, "colour", signed, "prefs"));
        }
    }

    [Fact]
    public async Task ReadSignedCookie_Missing_ReportsMissing()
    {
        var (host, client) = await StartAsync();
        using (host)
        {
            Assert.Equal("Missing|", await Read(client, "theme", null));
        }
    }

    [Fact]
    [Trait("Case", "SIGN-03")]
    public async Task ReadSignedCookie_OlderThanMaxAge_ExpiredAndAbsent()
    {
        var (host, client) = await StartAsync();
        using (host)
        {
            var signed = await SignedValue(client, "theme", "dark");
            _clock.Advance(TimeSpan.FromSeconds(11));
            Assert.Equal("Valid|dark", await Read(client, "theme", signed, maxAge: 11));
            Assert.Equal("Expired|", await Read(client, "theme", signed, maxAge: 10));
        }
    }

    [Fact]
    [Trait("Case", "SIGN-01")]
    public async Task ReadSignedCookie_TamperedOrMalformed_ReadsAsAbsentNever500()
    {
        var (host, client) = await StartAsync();
        using (host)
        {
            var signed = await SignedValue(client, "theme", "dark");
            var variants = new[]
            {
                signed[..10] + (signed[10] == 'A' ? 'B' : 'A') + signed[11..],
                signed.ToUpperInvariant(),
                "a" + signed,
                signed + "a",
                signed.Replace(":", "", StringComparison.Ordinal),
                "%ZZ",
                "!!!",
                new string('A', 3000),
            };
            foreach (var variant in variants.Where(v => v != signed))
            {
                var result = await Read(client, "theme", variant);
                Assert.True(result is "BadSignature|" or "Malformed|", variant + " -> " + result);
            }
        }
    }

    [Fact]
    [Trait("Case", "SIGN-08")]
    public async Task SetSignedCookie_SignedValueOver4096Bytes_Throws()
    {
        using var host = await TestHosts.StartAsync(
            s =>
            {
                ChooseSigner(s.AddClinicCookies());
                s.AddDataProtection().UseEphemeralDataProtectionProvider();
            },
            context =>
            {
                var error = Record.Exception(() => context.Response.SetSignedCookie("big", new string('x', 4100)));
                return context.Response.WriteAsync(error?.GetType().Name ?? "none");
            });

        Assert.Equal(nameof(CookieTooLargeException), await host.GetTestServer().CreateClient().GetStringAsync(new Uri("http://localhost/")));
    }
}

public sealed class DataProtectionSignedCookieTests : SignedCookieTests
{
    protected override void ChooseSigner(ClinicCookiesBuilder builder) => builder.UseDataProtectionCookieSigner();
}

public sealed class DjangoSignedCookieTests : SignedCookieTests
{
    protected override void ChooseSigner(ClinicCookiesBuilder builder) =>
        builder.UseDjangoCookieSigner(o => o.SecretKey = "django-signed-cookie-test-key");
}
