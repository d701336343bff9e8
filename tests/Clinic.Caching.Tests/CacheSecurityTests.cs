using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching.Tests;

/// <summary>The attack cases of SECURITY.md section H against the middleware.</summary>
public sealed class CacheSecurityTests
{
    private const string Header = "X-Clinic-Cache";

    private static string Value(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : string.Empty;

    private static string? Cookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var v) ? v.First() : null;

    /// <summary>Login sets a token cookie; the lazy page creates a session only when the request has none.</summary>
    private static void CookiePages(WebApplication app, RenderCounter renders)
    {
        app.MapGet("/login", (HttpContext c) =>
        {
            var token = "csrf-" + renders.Next("login");
            c.Response.Cookies.Append("csrftoken", token);
            return "<form><input name=csrf value=" + token + "></form>";
        });
        app.MapGet("/lazy", (HttpContext c) =>
        {
            var n = renders.Next("lazy");
            if (!c.Request.Cookies.ContainsKey("sessionid"))
            {
                c.Response.Cookies.Append("sessionid", "session-" + n);
            }

            return "lazy " + n;
        });
        app.MapGet("/vary-cookie-login", (HttpContext c) =>
        {
            c.Response.Headers.Vary = "Cookie";
            c.Response.Cookies.Append("sessionid", "session-" + renders.Next("vcl"));
            return "welcome";
        });
    }

    [Fact]
    [Trait("Case", "CACHE-01")]
    public async Task Login_SetsCookieForCookieLessClient_SecondClientGetsItsOwnCookie()
    {
        await using var host = await CachingTestHost.StartAsync(CookiePages);
        using var client1 = await host.GetAsync("/login");
        using var client2 = await host.GetAsync("/login");
        Assert.Equal("csrftoken=csrf-1; path=/", Cookie(client1));
        Assert.Equal("csrftoken=csrf-2; path=/", Cookie(client2));
        Assert.Contains("csrf-2", await client2.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("MISS; not stored: sets a cookie", Value(client2, Header));
        Assert.Empty(host.Stores.GetMeasurementSnapshot());
    }

    [Fact]
    [Trait("Case", "CACHE-01")]
    public async Task LazySession_CreatedOnFirstVisit_NeverReplayedToAnotherClient()
    {
        await using var host = await CachingTestHost.StartAsync(CookiePages);
        using var client1 = await host.GetAsync("/lazy");
        using var client2 = await host.GetAsync("/lazy");
        Assert.Equal("sessionid=session-1; path=/", Cookie(client1));
        Assert.Equal("sessionid=session-2; path=/", Cookie(client2));
    }

    [Fact]
    [Trait("Case", "CACHE-01")]
    public async Task SetCookieVaryingOnCookie_CookieLessRequests_AreNotStored()
    {
        // CVE-2014-0473: a cookie-less request keys as "no cookie", so storing would hand client 1's session to client 2.
        await using var host = await CachingTestHost.StartAsync(CookiePages);
        using var client1 = await host.GetAsync("/vary-cookie-login");
        using var client2 = await host.GetAsync("/vary-cookie-login");
        Assert.NotEqual(Cookie(client1), Cookie(client2));
        Assert.Equal(2, host.Renders["vcl"]);
    }

    [Fact]
    [Trait("Case", "CACHE-01")]
    public async Task SetCookieVaryingOnCookie_RequestWithCookie_IsStoredForThatCookieOnly()
    {
        await using var host = await CachingTestHost.StartAsync(CookiePages);
        await host.GetAsync("/vary-cookie-login", ("Cookie", "sessionid=abc"));
        using var again = await host.GetAsync("/vary-cookie-login", ("Cookie", "sessionid=abc"));
        using var other = await host.GetAsync("/vary-cookie-login", ("Cookie", "sessionid=xyz"));
        Assert.Equal("HIT", Value(again, Header));
        Assert.Equal("sessionid=session-1; path=/", Cookie(again));
        Assert.Equal("sessionid=session-2; path=/", Cookie(other));
    }

    /// <summary>
    /// <c>/patients</c> shows the signed-in doctor's patients without varying (the app's bug to be caught);
    /// <c>/dashboard</c> is per-URL cached and varies on Cookie; <c>/touch</c> saves the session on every request.
    /// </summary>
    private static void DoctorPages(WebApplication app, RenderCounter renders)
    {
        app.MapGet("/patients", (HttpContext c) => "patients of " + (c.User.Identity?.Name ?? "nobody") + " #" + renders.Next("patients"));
        app.MapGet("/dashboard", (HttpContext c) =>
        {
            c.Response.Headers.Vary = "Cookie";
            return "dashboard of " + (c.User.Identity?.Name ?? "nobody") + " #" + renders.Next("dashboard");
        }).CachePage(TimeSpan.FromMinutes(5));
        app.MapGet("/touch", (HttpContext c) =>
        {
            c.Response.Cookies.Append("sessionid", "refreshed");
            return "touched by " + (c.User.Identity?.Name ?? "nobody");
        });
    }

    [Fact]
    [Trait("Case", "CACHE-02")]
    public async Task SignedInPage_NotVaryingOnCookie_IsNeverShownToAnyoneElse()
    {
        await using var host = await CachingTestHost.StartAsync(DoctorPages);
        Assert.StartsWith("patients of A", await host.GetStringAsync("/patients", ("Cookie", "user=A")));
        using var anonymous = await host.GetAsync("/patients");
        Assert.StartsWith("patients of nobody", await anonymous.Content.ReadAsStringAsync());

        // Authentication runs after the cache here, so B may get the anonymous entry: never A's page.
        Assert.DoesNotContain("of A", await host.GetStringAsync("/patients", ("Cookie", "user=B")), StringComparison.Ordinal);
        Assert.StartsWith("patients of nobody", await host.GetStringAsync("/patients", ("Cookie", "theme=dark")));
        Assert.StartsWith("patients of C", await host.GetStringAsync("/patients", ("Authorization", "Bearer C")));
    }

    [Fact]
    [Trait("Case", "CACHE-02")]
    public async Task SignedInPage_Response_SaysWhyItWasNotStored()
    {
        await using var host = await CachingTestHost.StartAsync(DoctorPages);
        using var response = await host.GetAsync("/patients", ("Cookie", "user=A"));
        Assert.Equal("MISS; not stored: signed-in user and the response does not vary on Cookie", Value(response, Header));
    }

    [Fact]
    [Trait("Case", "CACHE-02")]
    public async Task PerUrlDashboard_VaryingOnCookie_IsCachedPerCookieOnly()
    {
        await using var host = await CachingTestHost.StartAsync(DoctorPages);
        Assert.Equal("dashboard of A #1", await host.GetStringAsync("/dashboard", ("Cookie", "user=A")));
        Assert.Equal("dashboard of A #1", await host.GetStringAsync("/dashboard", ("Cookie", "user=A")));
        Assert.Equal("dashboard of nobody #2", await host.GetStringAsync("/dashboard"));
        Assert.Equal("dashboard of B #3", await host.GetStringAsync("/dashboard", ("Cookie", "user=B")));
        Assert.Equal("dashboard of nobody #4", await host.GetStringAsync("/dashboard", ("Cookie", "theme=dark")));
        Assert.Equal("dashboard of nobody #2", await host.GetStringAsync("/dashboard"));
    }

    [Fact]
    [Trait("Case", "CACHE-02")]
    public async Task AuthorizationRequest_BypassesAnEntryStoredForAnonymousUsers()
    {
        await using var host = await CachingTestHost.StartAsync(DoctorPages);
        Assert.StartsWith("patients of nobody #1", await host.GetStringAsync("/patients"));
        using var withAuthorization = await host.GetAsync("/patients", ("Authorization", "Bearer A"));
        Assert.StartsWith("patients of A #2", await withAuthorization.Content.ReadAsStringAsync());
        Assert.Equal("MISS; not stored: request has Authorization and the response does not vary on it", Value(withAuthorization, Header));
        Assert.StartsWith("patients of nobody #1", await host.GetStringAsync("/patients"));
    }

    [Fact]
    [Trait("Case", "CACHE-02")]
    public async Task SessionSavedOnEveryRequest_ResponseIsNotStored()
    {
        await using var host = await CachingTestHost.StartAsync(DoctorPages);
        await host.GetAsync("/touch", ("Cookie", "user=A; sessionid=s1"));
        Assert.Equal("touched by nobody", await host.GetStringAsync("/touch"));
        Assert.Equal("touched by B", await host.GetStringAsync("/touch", ("Cookie", "user=B")));
    }

    [Fact]
    [Trait("Case", "CACHE-02")]
    public async Task SignedInUser_AuthenticatedBeforeTheCache_DoesNotGetTheAnonymousEntry()
    {
        await using var host = await CachingTestHost.StartAsync(
            DoctorPages,
            beforeCache: app => app.Use((c, next) =>
            {
                if (c.Request.Cookies.TryGetValue("user", out var name))
                {
                    c.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                        [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, name)], "Test"));
                }

                return next(c);
            }));
        Assert.StartsWith("patients of nobody #1", await host.GetStringAsync("/patients"));
        Assert.StartsWith("patients of A #2", await host.GetStringAsync("/patients", ("Cookie", "user=A")));
    }

    /// <summary>Echoes every input an attacker might try to smuggle in, as the app sees it.</summary>
    private static void EchoPage(WebApplication app, RenderCounter renders) =>
        app.MapGet("/echo", (HttpContext c) =>
            $"{c.Request.Method} {c.Request.Scheme}://{c.Request.Host}{c.Request.PathBase}{c.Request.Path} #{renders.Next("echo")}");

    [Theory]
    [InlineData("X-Forwarded-Host", "evil.example")]
    [InlineData("X-Forwarded-Proto", "http")]
    [InlineData("X-Forwarded-Scheme", "nothttps")]
    [InlineData("X-Original-URL", "/admin")]
    [InlineData("X-Rewrite-URL", "/admin")]
    [InlineData("X-HTTP-Method-Override", "POST")]
    [InlineData("Forwarded", "host=evil.example;proto=http")]
    [Trait("Case", "CACHE-05")]
    public async Task UnkeyedHeader_CannotPoisonTheEntry(string name, string value)
    {
        await using var host = await CachingTestHost.StartAsync(EchoPage);
        var url = "/echo?cb=" + Guid.NewGuid().ToString("N");
        var poisoned = await host.GetStringAsync(url, (name, value));
        var clean = await host.GetStringAsync(url);
        Assert.DoesNotContain("evil", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("admin", clean, StringComparison.Ordinal);
        Assert.StartsWith("GET http://localhost/echo", clean, StringComparison.Ordinal);
        Assert.Equal(poisoned, clean);
    }

    [Fact]
    [Trait("Case", "CACHE-05")]
    public async Task ForwardedHostFromTrustedProxy_IsPartOfTheKey()
    {
        await using var host = await CachingTestHost.StartAsync(
            EchoPage,
            services: s => s.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto;
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
            }),
            beforeCache: app => app.UseForwardedHeaders());
        var url = "/echo?cb=" + Guid.NewGuid().ToString("N");
        var forwarded = await host.GetStringAsync(url, ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "https"));
        var clean = await host.GetStringAsync(url);
        Assert.StartsWith("GET https://evil.example/echo", forwarded, StringComparison.Ordinal);
        Assert.StartsWith("GET http://localhost/echo", clean, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Case", "CACHE-05")]
    public async Task DifferentHost_IsADifferentEntry()
    {
        await using var host = await CachingTestHost.StartAsync(EchoPage);
        var evil = await host.GetStringAsync("/echo", ("Host", "evil.example"));
        var clean = await host.GetStringAsync("/echo");
        Assert.StartsWith("GET http://evil.example/echo #1", evil, StringComparison.Ordinal);
        Assert.StartsWith("GET http://localhost/echo #2", clean, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Case", "CACHE-05")]
    public async Task DisallowedHost_Gets400AndIsNotStored()
    {
        await using var host = await CachingTestHost.StartAsync(
            EchoPage,
            services: s => s.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => o.AllowedHosts = ["localhost"]),
            beforeCache: app => app.UseHostFiltering());
        using var evil = await host.GetAsync("/echo", ("Host", "evil.example"));
        Assert.Equal(HttpStatusCode.BadRequest, evil.StatusCode);
        Assert.Equal("GET http://localhost/echo #1", await host.GetStringAsync("/echo"));
        Assert.Single(host.Stores.GetMeasurementSnapshot());
    }

    [Fact]
    [Trait("Case", "CACHE-05")]
    public async Task AcceptLanguage_ReflectedWithVary_IsKeyed()
    {
        await using var host = await CachingTestHost.StartAsync((app, renders) => app.MapGet("/hello", (HttpContext c) =>
        {
            c.Response.Headers.Vary = "Accept-Language";
            return "lang=" + c.Request.Headers.AcceptLanguage;
        }));
        Assert.Equal("lang=xx-evil", await host.GetStringAsync("/hello", ("Accept-Language", "xx-evil")));
        Assert.Equal("lang=", await host.GetStringAsync("/hello"));
    }

    /// <summary>A profile page that is private for its owner; no lenient suffix routing exists.</summary>
    private static void ProfilePages(WebApplication app, RenderCounter renders)
    {
        app.MapGet("/account/profile", (HttpContext c) => c.User.Identity?.IsAuthenticated == true
            ? "profile of " + c.User.Identity.Name
            : "please sign in");
        app.MapGet("/static/{**path}", (string path) => "static " + path);
    }

    [Theory]
    [InlineData("/account/profile")]
    [InlineData("/account/profile/x.css")]
    [InlineData("/account/profile;x.css")]
    [InlineData("/account/profile%2Fx.css")]
    [InlineData("/account/profile%3Bx.css")]
    [InlineData("/account/profile.css")]
    [InlineData("/static/..%2Faccount/profile")]
    [InlineData("/account/profile%00.css")]
    [Trait("Case", "CACHE-07")]
    public async Task PathConfusion_SignedInThenAnonymous_AnonymousNeverSeesTheProfile(string path)
    {
        await using var host = await CachingTestHost.StartAsync(ProfilePages);
        string signedIn;
        try
        {
            signedIn = await host.GetStringAsync(path, ("Cookie", "user=A"));
        }
        catch (InvalidOperationException) when (path.Contains("%00", StringComparison.Ordinal))
        {
            // The server refuses a path with NUL before any middleware runs (Kestrel answers 400).
            return;
        }

        using var anonymous = await host.GetAsync(path);
        Assert.DoesNotContain("profile of A", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        if (path == "/account/profile")
        {
            Assert.Equal("profile of A", signedIn);
        }
    }

    private static void AdminPages(WebApplication app, RenderCounter renders)
    {
        app.MapGet("/admin/users", () => "admin " + renders.Next("admin"));
        app.MapGet("/accounts/login", () => "accounts " + renders.Next("accounts"));
        app.MapGet("/administrator", () => "not excluded " + renders.Next("administrator"));
        app.MapGet("/admin/report", () => "report " + renders.Next("report")).CachePage(TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("/admin/users", "admin")]
    [InlineData("/ADMIN/users", "admin")]
    [InlineData("/accounts/login", "accounts")]
    [Trait("Case", "CACHE-11")]
    public async Task ExcludedPrefix_IsNeverStored(string path, string page)
    {
        await using var host = await CachingTestHost.StartAsync(AdminPages, o => { o.ExcludedPaths.Add("/admin"); o.ExcludedPaths.Add("/accounts/"); });
        await host.GetStringAsync(path);
        using var second = await host.GetAsync(path);
        Assert.Equal(2, host.Renders[page]);
        Assert.Equal("BYPASS; excluded path", Value(second, Header));
        Assert.Empty(host.Stores.GetMeasurementSnapshot());
    }

    [Fact]
    [Trait("Case", "CACHE-11")]
    public async Task ExcludedPrefix_MatchesWholeSegmentsOnly()
    {
        await using var host = await CachingTestHost.StartAsync(AdminPages, o => o.ExcludedPaths.Add("/admin"));
        await host.GetStringAsync("/administrator");
        Assert.Equal("not excluded 1", await host.GetStringAsync("/administrator"));
    }

    [Fact]
    [Trait("Case", "CACHE-11")]
    public async Task CachePageUnderExcludedPrefix_TakesPrecedence()
    {
        await using var host = await CachingTestHost.StartAsync(AdminPages, o => o.ExcludedPaths.Add("/admin"));
        await host.GetStringAsync("/admin/report");
        Assert.Equal("report 1", await host.GetStringAsync("/admin/report"));
    }

    [Fact]
    [Trait("Case", "CACHE-10")]
    public async Task StoreOutage_PassesThroughWith200()
    {
        await using var host = await CachingTestHost.StartAsync(
            (app, renders) => app.MapGet("/page", () => "page " + renders.Next("page")),
            store: b => b.Services.AddSingleton<IResponseCacheStore, BrokenStore>());
        using var first = await host.GetAsync("/page");
        using var second = await host.GetAsync("/page");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("page 2", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    [Trait("Case", "CACHE-10")]
    public async Task ManyUniqueQueries_MemoryStaysWithinTheSizeLimit()
    {
        await using var host = await CachingTestHost.StartAsync(
            (app, renders) => app.MapGet("/q", () => new string('x', 2000)),
            o => o.MemorySizeLimit = 100 * 1024);
        for (var i = 0; i < 300; i++)
        {
            await host.GetStringAsync("/q?q=" + i);
        }

        var store = (Internal.MemoryResponseCacheStore)host.Services.GetRequiredService<IResponseCacheStore>();
        Assert.InRange(store.Size, 1, 110 * 1024);
    }

    private sealed class BrokenStore : IResponseCacheStore
    {
        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => throw new IOException("store down");

        public ValueTask SetAsync(string key, byte[] value, ResponseCacheEntryOptions options, CancellationToken cancellationToken) => throw new IOException("store down");

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken) => throw new IOException("store down");

        public ValueTask RemoveByUrlPrefixAsync(string urlPrefix, CancellationToken cancellationToken) => throw new IOException("store down");

        public ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken) => throw new IOException("store down");

        public ValueTask ClearAsync(CancellationToken cancellationToken) => throw new IOException("store down");
    }
}
