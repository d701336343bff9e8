using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clinic.Caching.Tests;

/// <summary>The storage and serving rules of the middleware (Django's cache middleware plus ours).</summary>
public sealed class CachingMiddlewareTests
{
    private const string Header = "X-Clinic-Cache";

    /// <summary>A page that says how often it rendered, with optional response headers from the query (?h=Name:Value).</summary>
    private static void Pages(WebApplication app, RenderCounter renders)
    {
        app.MapMethods("/page", ["GET", "HEAD"], (HttpContext c) =>
        {
            foreach (var h in c.Request.Query["h"])
            {
                var colon = h!.IndexOf(':', StringComparison.Ordinal);
                c.Response.Headers.Append(h[..colon], h[(colon + 1)..]);
            }

            var status = c.Request.Query["status"];
            if (!string.IsNullOrEmpty(status))
            {
                c.Response.StatusCode = int.Parse(status!);
            }

            return c.Response.WriteAsync("render " + renders.Next("page"));
        });
        app.MapPost("/page", () => "posted " + renders.Next("post"));
        app.MapPut("/page", () => "put " + renders.Next("put"));
    }

    private static Task<CachingTestHost> StartAsync(Action<CachingOptions>? configure = null) => CachingTestHost.StartAsync(Pages, configure);

    private static string Value(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
        : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : string.Empty;

    [Fact]
    public async Task Get_SecondRequest_IsServedFromCache()
    {
        await using var host = await StartAsync();
        using var first = await host.GetAsync("/page");
        using var second = await host.GetAsync("/page");
        Assert.Equal("render 1", await first.Content.ReadAsStringAsync());
        Assert.Equal("render 1", await second.Content.ReadAsStringAsync());
        Assert.Equal("MISS", Value(first, Header));
        Assert.Equal("HIT", Value(second, Header));
        Assert.Equal(1, host.Renders["page"]);
    }

    [Fact]
    public async Task Get_DifferentQuery_IsADifferentEntry()
    {
        await using var host = await StartAsync();
        Assert.Equal("render 1", await host.GetStringAsync("/page?a=1"));
        Assert.Equal("render 2", await host.GetStringAsync("/page?a=2"));
        Assert.Equal("render 1", await host.GetStringAsync("/page?a=1"));
    }

    [Fact]
    public async Task Get_PathCaseDiffers_IsADifferentEntry()
    {
        await using var host = await StartAsync();
        Assert.Equal("render 1", await host.GetStringAsync("/page"));
        Assert.Equal("render 2", await host.GetStringAsync("/PAGE"));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("POST")]
    [Trait("Case", "CACHE-11")]
    public async Task UnsafeMethod_OnCachedUrl_NeverGetsTheCachedBodyAndIsNotStored(string method)
    {
        await using var host = await StartAsync();
        Assert.Equal("render 1", await host.GetStringAsync("/page"));
        using var first = await host.SendAsync(new HttpMethod(method), "/page");
        using var second = await host.SendAsync(new HttpMethod(method), "/page");
        Assert.StartsWith(method == "PUT" ? "put" : "posted", await first.Content.ReadAsStringAsync());
        Assert.EndsWith(" 2", await second.Content.ReadAsStringAsync());
        Assert.StartsWith("BYPASS", Value(second, Header));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(201)]
    [InlineData(302)]
    public async Task Get_StatusOtherThan200_IsNotStored(int status)
    {
        await using var host = await StartAsync();
        using var first = await host.GetAsync("/page?status=" + status);
        using var second = await host.GetAsync("/page?status=" + status);
        Assert.Equal("render 2", await second.Content.ReadAsStringAsync());
        Assert.Equal("MISS; not stored: status is not 200", Value(second, Header));
    }

    [Theory]
    [InlineData("private", "private")]
    [InlineData("PRIVATE", "private")]
    [InlineData("Private, max-age=60", "private")]
    [InlineData("public, max-age=60, private", "private")]
    [InlineData("no-store", "no-store")]
    [InlineData("No-Store", "no-store")]
    [InlineData("no-cache", "no-cache")]
    [InlineData("NO-CACHE=\"Set-Cookie\"", "no-cache")]
    [InlineData("max-age=0", "max-age=0")]
    [InlineData("MAX-AGE=0", "max-age=0")]
    public async Task Get_CacheControlForbids_IsNotStored(string cacheControl, string reason)
    {
        await using var host = await StartAsync();
        var url = "/page?h=" + Uri.EscapeDataString("Cache-Control:" + cacheControl);
        await host.GetStringAsync(url);
        using var second = await host.GetAsync(url);
        Assert.Equal("render 2", await second.Content.ReadAsStringAsync());
        Assert.Contains(reason, Value(second, Header), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("Accept-Language, *")]
    public async Task Get_VaryStar_IsNeverStored(string vary)
    {
        await using var host = await StartAsync();
        var url = "/page?h=" + Uri.EscapeDataString("Vary:" + vary);
        await host.GetStringAsync(url);
        using var second = await host.GetAsync(url);
        Assert.Equal("render 2", await second.Content.ReadAsStringAsync());
        Assert.Equal("MISS; not stored: Vary *", Value(second, Header));
    }

    [Fact]
    public async Task Get_VaryAcceptLanguage_IsKeyedByItsValue()
    {
        await using var host = await StartAsync();
        var url = "/page?h=" + Uri.EscapeDataString("Vary:Accept-Language");
        Assert.Equal("render 1", await host.GetStringAsync(url, ("Accept-Language", "en")));
        Assert.Equal("render 2", await host.GetStringAsync(url, ("Accept-Language", "fr")));
        Assert.Equal("render 1", await host.GetStringAsync(url, ("Accept-Language", "en")));
        Assert.Equal("render 2", await host.GetStringAsync(url, ("Accept-Language", "fr")));
    }

    [Fact]
    public async Task Get_VaryOnTwoHeaders_ValuesDoNotRunTogether()
    {
        await using var host = await StartAsync();
        var url = "/page?h=" + Uri.EscapeDataString("Vary:X-A, X-B");
        Assert.Equal("render 1", await host.GetStringAsync(url, ("X-A", "ab"), ("X-B", "c")));
        Assert.Equal("render 2", await host.GetStringAsync(url, ("X-A", "a"), ("X-B", "bc")));
    }

    [Fact]
    public async Task Get_MaxAge_SetsTheLifetime()
    {
        await using var host = await StartAsync();
        var url = "/page?h=" + Uri.EscapeDataString("Cache-Control:max-age=30");
        await host.GetStringAsync(url);
        host.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("render 1", await host.GetStringAsync(url));
        host.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("render 2", await host.GetStringAsync(url));
    }

    [Fact]
    public async Task Get_NoMaxAge_LivesForTheDefault600Seconds()
    {
        await using var host = await StartAsync();
        await host.GetStringAsync("/page");
        host.Time.Advance(TimeSpan.FromSeconds(599));
        Assert.Equal("render 1", await host.GetStringAsync("/page"));
        host.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("render 2", await host.GetStringAsync("/page"));
    }

    [Fact]
    public async Task Get_ConfiguredDefaultTimeout_IsUsed()
    {
        await using var host = await StartAsync(o => o.DefaultTimeout = TimeSpan.FromSeconds(5));
        using var first = await host.GetAsync("/page");
        Assert.Equal("max-age=5", first.Headers.CacheControl!.ToString());
        host.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("render 2", await host.GetStringAsync("/page"));
    }

    [Fact]
    public async Task Get_Stored_CarriesExpiresCacheControlEtagAndAge()
    {
        await using var host = await StartAsync();
        var url = "/page?h=" + Uri.EscapeDataString("Cache-Control:public, max-age=120");
        using var first = await host.GetAsync(url);
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(120), first.Content.Headers.Expires);
        Assert.Equal(TimeSpan.FromSeconds(120), first.Headers.CacheControl!.MaxAge);
        Assert.True(first.Headers.CacheControl.Public);
        Assert.NotNull(first.Headers.ETag);
        host.Time.Advance(TimeSpan.FromSeconds(42));
        using var second = await host.GetAsync(url);
        Assert.Equal(TimeSpan.FromSeconds(42), second.Headers.Age);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(first.Content.Headers.Expires, second.Content.Headers.Expires);
        Assert.Equal(8, second.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Get_ResponseHasSmallerMaxAgeThanDefault_KeepsIt()
    {
        await using var host = await StartAsync();
        var url = "/page?h=" + Uri.EscapeDataString("Cache-Control:max-age=7");
        using var first = await host.GetAsync(url);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.CacheControl!.MaxAge);
    }

    [Fact]
    [Trait("Case", "CACHE-09")]
    public async Task Get_IfNoneMatchWithCachedEtag_Returns304()
    {
        await using var host = await StartAsync();
        using var first = await host.GetAsync("/page");
        var etag = first.Headers.ETag!.ToString();
        using var conditional = await host.GetAsync("/page", ("If-None-Match", etag));
        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
        Assert.Equal(etag, conditional.Headers.ETag!.ToString());
        Assert.Empty(await conditional.Content.ReadAsByteArrayAsync());
        using var weak = await host.GetAsync("/page", ("If-None-Match", "\"nope\", W/" + etag));
        Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
    }

    [Fact]
    [Trait("Case", "CACHE-09")]
    public async Task Get_IfNoneMatchWithOtherEtag_ReturnsTheFullPage()
    {
        await using var host = await StartAsync();
        await host.GetAsync("/page");
        using var conditional = await host.GetAsync("/page", ("If-None-Match", "\"other\""));
        Assert.Equal(HttpStatusCode.OK, conditional.StatusCode);
        Assert.Equal("render 1", await conditional.Content.ReadAsStringAsync());
    }

    [Fact]
    [Trait("Case", "CACHE-09")]
    public async Task Get_IfModifiedSince_Returns304OnlyWhenNotModified()
    {
        await using var host = await StartAsync();
        var url = "/page?h=" + Uri.EscapeDataString("Last-Modified:Sun, 01 Feb 2026 10:00:00 GMT");
        await host.GetAsync(url);
        using var same = await host.GetAsync(url, ("If-Modified-Since", "Sun, 01 Feb 2026 10:00:00 GMT"));
        using var older = await host.GetAsync(url, ("If-Modified-Since", "Sat, 31 Jan 2026 10:00:00 GMT"));
        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Equal("render 1", await older.Content.ReadAsStringAsync());
    }

    [Fact]
    [Trait("Case", "CACHE-09")]
    public async Task Head_ThenGet_GetHasTheFullBodyAndLength()
    {
        await using var host = await StartAsync();
        using var head = await host.SendAsync(HttpMethod.Head, "/page");
        using var get = await host.GetAsync("/page");
        Assert.Equal("render 2", await get.Content.ReadAsStringAsync());
        Assert.Equal(8, get.Content.Headers.ContentLength);
        using var again = await host.GetAsync("/page");
        Assert.Equal("HIT", Value(again, Header));
        Assert.Equal("render 2", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    [Trait("Case", "CACHE-09")]
    public async Task Head_AfterGet_IsAHitWithoutBody()
    {
        await using var host = await StartAsync();
        await host.GetStringAsync("/page");
        using var head = await host.SendAsync(HttpMethod.Head, "/page");
        Assert.Equal("HIT", Value(head, Header));
        Assert.Equal(8, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, host.Renders["page"]);
    }

    [Fact]
    [Trait("Case", "CACHE-09")]
    public async Task Get_RangeRequestAnswered206_IsNeverStoredAsTheFullResponse()
    {
        var body = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        await using var host = await CachingTestHost.StartAsync((app, renders) =>
            app.MapGet("/file", () => { renders.Next("file"); return Results.Bytes(body, "application/octet-stream", enableRangeProcessing: true); }));
        using var partial = await host.GetAsync("/file", ("Range", "bytes=0-9"));
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(10, (await partial.Content.ReadAsByteArrayAsync()).Length);
        using var full = await host.GetAsync("/file");
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(body, await full.Content.ReadAsByteArrayAsync());
        using var hit = await host.GetAsync("/file", ("Range", "bytes=0-9"));
        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Equal(body, await hit.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, host.Renders["file"]);
    }

    [Fact]
    [Trait("Case", "CACHE-10")]
    public async Task Get_BodyAboveMaximumSize_StreamsWholeAndIsNotStored()
    {
        await using var host = await CachingTestHost.StartAsync(
            (app, renders) => app.MapGet("/big", async (HttpContext c) =>
            {
                renders.Next("big");
                var chunk = new byte[64 * 1024];
                for (var i = 0; i < 40; i++)
                {
                    await c.Response.Body.WriteAsync(chunk);
                }
            }),
            o => o.MaximumBodySize = 1024 * 1024);
        using var first = await host.GetAsync("/big");
        Assert.Equal(40 * 64 * 1024, (await first.Content.ReadAsByteArrayAsync()).Length);
        using var second = await host.GetAsync("/big");
        Assert.Equal(40 * 64 * 1024, (await second.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(2, host.Renders["big"]);
    }

    [Fact]
    public async Task Get_ContentLengthAboveMaximumSize_IsNotStored()
    {
        await using var host = await CachingTestHost.StartAsync(
            (app, renders) => app.MapGet("/sized", () => { renders.Next("sized"); return Results.Bytes(new byte[5000]); }),
            o => o.MaximumBodySize = 4096);
        await host.GetAsync("/sized");
        using var second = await host.GetAsync("/sized");
        Assert.Equal(2, host.Renders["sized"]);
        Assert.Equal("MISS; not stored: body larger than MaximumBodySize", Value(second, Header));
    }

    [Fact]
    public async Task Get_EmptyBody_IsStoredAndServed()
    {
        await using var host = await CachingTestHost.StartAsync((app, renders) => app.MapGet("/empty", () => { renders.Next("empty"); return Results.Ok(); }));
        await host.GetAsync("/empty");
        using var second = await host.GetAsync("/empty");
        Assert.Equal("HIT", Value(second, Header));
        Assert.Equal(1, host.Renders["empty"]);
    }

    [Fact]
    public async Task Get_BodyWrittenThroughPipe_IsStoredWhole()
    {
        await using var host = await CachingTestHost.StartAsync((app, renders) => app.MapGet("/pipe", async (HttpContext c) =>
        {
            renders.Next("pipe");
            await c.Response.BodyWriter.WriteAsync("through the pipe"u8.ToArray());
        }));
        Assert.Equal("through the pipe", await host.GetStringAsync("/pipe"));
        Assert.Equal("through the pipe", await host.GetStringAsync("/pipe"));
        Assert.Equal(1, host.Renders["pipe"]);
    }

    [Fact]
    public async Task Get_PageThrows_NothingIsStored()
    {
        await using var host = await CachingTestHost.StartAsync((app, renders) => app.MapGet("/boom", async (HttpContext c) =>
        {
            await c.Response.WriteAsync("partial");
            if (renders.Next("boom") == 1)
            {
                throw new InvalidOperationException("boom");
            }
        }));
        try
        {
            await host.GetAsync("/boom");
        }
        catch (Exception)
        {
            // TestServer surfaces the page's exception.
        }

        await host.GetStringAsync("/boom");
        Assert.Equal(2, host.Renders["boom"]);
    }

    [Fact]
    [Trait("Case", "CACHE-10")]
    public async Task Get_ManyConcurrentMisses_RenderThePageOnce()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await CachingTestHost.StartAsync((app, renders) => app.MapGet("/slow", async () =>
        {
            renders.Next("slow");
            await release.Task;
            return "slow page";
        }));
        var requests = Enumerable.Range(0, 50).Select(_ => host.GetStringAsync("/slow")).ToArray();
        for (var i = 0; i < 500 && host.Misses.GetMeasurementSnapshot().Count < 50; i++)
        {
            await Task.Delay(10);
        }

        release.SetResult();
        var bodies = await Task.WhenAll(requests);
        Assert.All(bodies, b => Assert.Equal("slow page", b));
        Assert.Equal(1, host.Renders["slow"]);
    }

    [Fact]
    public async Task Get_Hit_RecordsMetrics()
    {
        await using var host = await StartAsync();
        await host.GetStringAsync("/page");
        await host.GetStringAsync("/page");
        await host.GetStringAsync("/page");
        Assert.Equal(2, host.Hits.GetMeasurementSnapshot().Count);
        Assert.Single(host.Misses.GetMeasurementSnapshot());
        Assert.Single(host.Stores.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task DiagnosticHeader_Production_IsOffByDefault()
    {
        await using var host = await CachingTestHost.StartAsync(Pages, environment: "Production");
        await host.GetAsync("/page");
        using var second = await host.GetAsync("/page");
        Assert.False(second.Headers.Contains(Header));
        Assert.Equal("render 1", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DiagnosticHeader_Configured_UsesTheNameInProduction()
    {
        await using var host = await CachingTestHost.StartAsync(Pages, o => { o.EmitDiagnosticHeader = true; o.DiagnosticHeaderName = "X-Cache"; }, environment: "Production");
        await host.GetAsync("/page");
        using var second = await host.GetAsync("/page");
        Assert.Equal("HIT", Value(second, "X-Cache"));
        Assert.False(second.Headers.Contains(Header));
    }

    [Fact]
    public async Task DiagnosticHeader_IsNeverStoredWithThePage()
    {
        await using var host = await StartAsync();
        await host.GetAsync("/page");
        using var second = await host.GetAsync("/page");
        Assert.Equal(["HIT"], second.Headers.GetValues(Header));
    }
}
