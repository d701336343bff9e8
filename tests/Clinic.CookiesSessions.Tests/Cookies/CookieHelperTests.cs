using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.CookiesSessions.Tests.Cookies;

/// <summary>Set/get/delete cookies with Django's Expires/Max-Age rules and safe defaults (SIGN-08).</summary>
public sealed class CookieHelperTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static async Task<string[]> SetCookieHeaders(Action<HttpContext> handler, Action<ClinicCookieOptions>? configure = null, bool https = false)
    {
        using var host = await TestHosts.StartAsync(
            s =>
            {
                s.AddClinicCookies(configure);
                s.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(Now)));
            },
            context =>
            {
                handler(context);
                return Task.CompletedTask;
            });
        var response = await host.GetTestServer().CreateClient().GetAsync(new Uri(https ? "https://localhost/" : "http://localhost/"));
        return response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];
    }

    [Fact]
    [Trait("Case", "SIGN-08")]
    public async Task SetCookie_Defaults_HttpOnlyLaxPathRootNoDomainNoSecureOnHttp()
    {
        var headers = await SetCookieHeaders(c => c.Response.SetCookie("theme", "dark"));

        Assert.Equal("theme=dark; path=/; samesite=lax; httponly", Assert.Single(headers));
    }

    [Fact]
    [Trait("Case", "SIGN-08")]
    public async Task SetCookie_HttpsRequest_AddsSecure()
    {
        var headers = await SetCookieHeaders(c => c.Response.SetCookie("theme", "dark"), https: true);

        Assert.Equal("theme=dark; path=/; secure; samesite=lax; httponly", Assert.Single(headers));
    }

    [Fact]
    public async Task SetCookie_Overrides_AreApplied()
    {
        var headers = await SetCookieHeaders(c => c.Response.SetCookie("js", "1", new CookieSettings
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Path = "/app",
            Domain = "example.com",
            Secure = true,
        }));

        Assert.Equal("js=1; domain=example.com; path=/app; secure; samesite=strict", Assert.Single(headers));
    }

    [Fact]
    public async Task SetCookie_MaxAge_AlsoSetsMatchingExpires()
    {
        var headers = await SetCookieHeaders(c => c.Response.SetCookie("a", "1", new CookieSettings { MaxAge = TimeSpan.FromHours(1) }));

        Assert.Equal("a=1; expires=Fri, 02 Jan 2026 04:04:05 GMT; max-age=3600; path=/; samesite=lax; httponly", Assert.Single(headers));
    }

    [Fact]
    public async Task SetCookie_Expires_AlsoSetsMaxAgeAndWinsOverMaxAge()
    {
        var headers = await SetCookieHeaders(c => c.Response.SetCookie("a", "1", new CookieSettings
        {
            Expires = Now.AddMinutes(10),
            MaxAge = TimeSpan.FromDays(1),
        }));

        Assert.Equal("a=1; expires=Fri, 02 Jan 2026 03:14:05 GMT; max-age=600; path=/; samesite=lax; httponly", Assert.Single(headers));
    }

    [Fact]
    public async Task SetCookie_ExpiresInPast_MaxAgeZero()
    {
        var headers = await SetCookieHeaders(c => c.Response.SetCookie("a", "1", new CookieSettings { Expires = Now.AddDays(-1) }));

        Assert.Contains("max-age=0", Assert.Single(headers), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteCookie_CustomPathAndDomain_ExpiresWithSamePathAndDomain()
    {
        var headers = await SetCookieHeaders(c => c.Response.DeleteCookie("a", new CookieSettings { Path = "/app", Domain = "example.com" }));

        Assert.Equal("a=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0; domain=example.com; path=/app; samesite=lax; httponly", Assert.Single(headers));
    }

    [Fact]
    public async Task DeleteCookie_ConfiguredDefaults_UsesConfiguredPathAndDomain()
    {
        var headers = await SetCookieHeaders(c => c.Response.DeleteCookie("a"), o => { o.Path = "/shop"; o.Domain = "shop.example"; });

        Assert.Contains("domain=shop.example; path=/shop", Assert.Single(headers), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetCookie_ThenDelete_LeavesOnlyTheDeletion()
    {
        var headers = await SetCookieHeaders(c =>
        {
            c.Response.SetCookie("a", "1");
            c.Response.SetCookie("b", "2");
            c.Response.DeleteCookie("a");
        });

        Assert.Equal(2, headers.Length);
        Assert.StartsWith("b=2", headers[0], StringComparison.Ordinal);
        Assert.StartsWith("a=;", headers[1], StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Case", "SIGN-08")]
    public async Task SetCookie_HostPrefix_ForcesSecureEvenOnHttp()
    {
        var headers = await SetCookieHeaders(c => c.Response.SetCookie("__Host-id", "1"));

        Assert.Equal("__Host-id=1; path=/; secure; samesite=lax; httponly", Assert.Single(headers));
    }

    [Fact]
    [Trait("Case", "SIGN-08")]
    public async Task SetCookie_HostPrefixWithDomainOrPath_Throws()
    {
        await SetCookieHeaders(c =>
        {
            Assert.Throws<ArgumentException>(() => c.Response.SetCookie("__Host-id", "1", new CookieSettings { Domain = "example.com" }));
            Assert.Throws<ArgumentException>(() => c.Response.SetCookie("__Host-id", "1", new CookieSettings { Path = "/app" }));
        });
    }

    [Fact]
    public async Task SetCookie_SecurePrefixOrSameSiteNone_ForcesSecure()
    {
        var headers = await SetCookieHeaders(c =>
        {
            c.Response.SetCookie("__Secure-a", "1");
            c.Response.SetCookie("b", "1", new CookieSettings { SameSite = SameSiteMode.None });
        });

        Assert.All(headers, h => Assert.Contains("; secure", h, StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Case", "SIGN-08")]
    public async Task SetCookie_Over4096Bytes_ThrowsCookieTooLarge()
    {
        Exception? error = null;
        var headers = await SetCookieHeaders(c =>
        {
            c.Response.SetCookie("a", new string('x', 4094));
            error = Record.Exception(() => c.Response.SetCookie("b", new string('x', 4095)));
        });

        var tooLarge = Assert.IsType<CookieTooLargeException>(error);
        Assert.Contains("'b'", tooLarge.Message, StringComparison.Ordinal);
        Assert.Contains("4097", tooLarge.Message, StringComparison.Ordinal);
        Assert.StartsWith("a=", Assert.Single(headers), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("a;b")]
    [InlineData("a=b")]
    [InlineData("")]
    public async Task SetCookie_InvalidName_Throws(string name)
    {
        await SetCookieHeaders(c => Assert.ThrowsAny<ArgumentException>(() => c.Response.SetCookie(name, "1")));
    }

    [Fact]
    public async Task SetCookie_ValueWithSpecialCharacters_RoundTripsThroughRequestCookies()
    {
        const string value = "a b;c,\"d\"\\é%41";
        var headers = await SetCookieHeaders(c => c.Response.SetCookie("v", value));
        var header = Assert.Single(headers);
        var raw = header[2..header.IndexOf(';', StringComparison.Ordinal)];

        using var host = await TestHosts.StartAsync(s => s.AddClinicCookies(), c => c.Response.WriteAsync(c.Request.GetCookie("v") ?? "<none>"));
        var client = host.GetTestServer().CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", "v=" + raw);

        Assert.Equal(value, await client.GetStringAsync(new Uri("http://localhost/")));
    }

    [Fact]
    public async Task SetCookie_DjangoSignedValue_IsWrittenRaw()
    {
        var headers = await SetCookieHeaders(c => c.Response.SetCookie("s", "dark:1r31eq:2spw_Zl0vshfLoygVsF1jflRToGvPsAq2YHNZOkguzQ"));

        Assert.StartsWith("s=dark:1r31eq:2spw_Zl0vshfLoygVsF1jflRToGvPsAq2YHNZOkguzQ;", Assert.Single(headers), StringComparison.Ordinal);
    }
}
