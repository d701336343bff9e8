using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.PageCount.Tests;

public sealed class PageCountMiddlewareTests
{
    private static Task<WebApplication> StartAsync(Action<PageCountOptions>? configure = null, Action<IServiceCollection>? services = null,
        Action<WebApplication>? beforeCounting = null) =>
        PageCountHost.StartAsync(
            s =>
            {
                s.AddClinicPageCount(configure);
                services?.Invoke(s);
            },
            app =>
            {
                app.MapGet("/marked", () => "marked").WithPageCount();
                app.MapGet("/attribute", [PageCount] () => "attribute");
                app.MapGet("/unmarked", () => "unmarked");
                app.MapPost("/marked", () => "posted").WithPageCount();
                app.MapGet("/fails", () => Results.StatusCode(500)).WithPageCount();
                app.MapGet("/missing/{slug}", (string slug) => Results.NotFound(slug)).WithPageCount();
                app.MapGet("/doctors/{id:int}", (int id) => id).WithPageCount();
                app.MapGet("/patients/{id:int}", (int id) => id).WithPageCount(PageCountKey.RoutePattern);
            },
            beforeCounting);

    private static async Task GetAsync(HttpClient client, string path, int times = 1, string? userAgent = null, string? ip = null)
    {
        for (var i = 0; i < times; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            if (userAgent is not null)
            {
                request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            }

            if (ip is not null)
            {
                request.Headers.Add("X-Test-Ip", ip);
            }

            using var response = await client.SendAsync(request);
        }
    }

    private static async Task<PageCountSnapshot> CountAsync(WebApplication app, string page) =>
        await app.Services.GetRequiredService<IPageCounts>().GetAsync(page);

    [Fact]
    public async Task Get_MarkedEndpoint_Counted()
    {
        await using var app = await StartAsync();
        await GetAsync(app.GetTestClient(), "/marked", 3);
        await GetAsync(app.GetTestClient(), "/attribute", 2);

        Assert.Equal(3, (await CountAsync(app, "/marked")).Views);
        Assert.Equal(2, (await CountAsync(app, "/attribute")).Views);
    }

    [Fact]
    public async Task Get_UnmarkedEndpoint_NotCountedUnlessCountAll()
    {
        await using var app = await StartAsync();
        await GetAsync(app.GetTestClient(), "/unmarked");
        Assert.Equal(0, (await CountAsync(app, "/unmarked")).Views);

        await using var all = await StartAsync(o => o.CountAllEndpoints = true);
        await GetAsync(all.GetTestClient(), "/unmarked");
        Assert.Equal(1, (await CountAsync(all, "/unmarked")).Views);
    }

    [Fact]
    public async Task Request_NotSuccessfulGet_NotCountedAndCreatesNoCounter()
    {
        await using var app = await StartAsync(o => o.CountAllEndpoints = true);
        var client = app.GetTestClient();
        using (var posted = await client.PostAsync(new Uri("/marked", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        await GetAsync(client, "/fails");
        await GetAsync(client, "/missing/x");
        await GetAsync(client, "/no-such-page");

        Assert.Equal(0, (await CountAsync(app, "/marked")).Views);
        var top = await app.Services.GetRequiredService<IPageCounts>().GetTopAsync(10);
        Assert.Empty(top);
    }

    [Fact]
    public async Task Get_KeyByPathOrRoutePattern_OneCounterPerPathOrPerPattern()
    {
        await using var app = await StartAsync();
        var client = app.GetTestClient();
        await GetAsync(client, "/doctors/1");
        await GetAsync(client, "/Doctors/1");
        await GetAsync(client, "/doctors/2");
        await GetAsync(client, "/patients/1");
        await GetAsync(client, "/patients/2");

        Assert.Equal(2, (await CountAsync(app, "/doctors/1")).Views);
        Assert.Equal(1, (await CountAsync(app, "/doctors/2")).Views);
        Assert.Equal(2, (await CountAsync(app, "/patients/{id:int}")).Views);
        Assert.Equal(0, (await CountAsync(app, "/patients/1")).Views);

        await using var byPattern = await StartAsync(o => o.KeyBy = PageCountKey.RoutePattern);
        await GetAsync(byPattern.GetTestClient(), "/doctors/1");
        await GetAsync(byPattern.GetTestClient(), "/doctors/2");
        Assert.Equal(2, (await CountAsync(byPattern, "/doctors/{id:int}")).Views);
    }

    [Fact]
    public async Task Get_BotUserAgent_CountedSeparately()
    {
        await using var app = await StartAsync();
        var client = app.GetTestClient();
        await GetAsync(client, "/marked", 2, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        await GetAsync(client, "/marked", 1, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        await GetAsync(client, "/marked", 1);

        var counts = await CountAsync(app, "/marked");
        Assert.Equal(2, counts.Views);
        Assert.Equal(2, counts.BotViews);
    }

    [Fact]
    public async Task Get_EmptyBotList_EverythingHuman()
    {
        await using var app = await StartAsync(o => o.BotUserAgents.Clear());
        await GetAsync(app.GetTestClient(), "/marked", 1, "Googlebot/2.1");
        Assert.Equal(new PageCountSnapshot("/marked", 1, 0), await CountAsync(app, "/marked"));
    }

    [Fact]
    public async Task Get_UniqueVisitorsByIpHash_CountsVisitorsPerDayAndNeverStoresIp()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = await StartAsync(
            o => o.UniqueVisitors = UniqueVisitorMode.IpAddressHash,
            s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)),
            a => a.Use((context, next) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Ip", out var ip))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
                }

                return next(context);
            }));
        var client = app.GetTestClient();
        var counts = app.Services.GetRequiredService<IPageCounts>();
        await GetAsync(client, "/marked", 3, ip: "203.0.113.7");
        await GetAsync(client, "/marked", 2, ip: "198.51.100.23");
        await GetAsync(client, "/marked", 2, "Googlebot/2.1", ip: "192.0.2.1");
        Assert.Equal(2, await counts.GetUniqueVisitorsAsync("/marked", new DateOnly(2026, 3, 1)));

        Assert.True(await counts.FlushAsync());
        time.Advance(TimeSpan.FromDays(1));
        await GetAsync(client, "/marked", 1, ip: "203.0.113.7");
        Assert.True(await counts.FlushAsync());

        Assert.Equal(2, await counts.GetUniqueVisitorsAsync("/marked", new DateOnly(2026, 3, 1)));
        Assert.Equal(1, await counts.GetUniqueVisitorsAsync("/marked", new DateOnly(2026, 3, 2)));
        Assert.Equal(6, (await counts.GetAsync("/marked")).Views);
    }

    [Fact]
    public async Task GetAsync_BeforeFlush_IncludesUnflushedViews()
    {
        // No background flush during the test: on a loaded machine one could land before the first assertion.
        await using var app = await StartAsync(o => o.FlushInterval = TimeSpan.FromHours(1));
        await GetAsync(app.GetTestClient(), "/marked", 4);
        var store = app.Services.GetRequiredService<IPageCountStore>();
        var counts = app.Services.GetRequiredService<IPageCounts>();

        Assert.Null(await store.GetAsync("/marked", default));
        Assert.Equal(4, (await counts.GetAsync("/marked")).Views);

        Assert.True(await counts.FlushAsync());
        await GetAsync(app.GetTestClient(), "/marked", 1);
        Assert.Equal(4, (await store.GetAsync("/marked", default))?.Views);
        Assert.Equal(5, (await counts.GetAsync("/MARKED")).Views);
    }

    [Fact]
    public async Task GetTopAsync_StoredAndUnflushed_MostViewedFirst()
    {
        await using var app = await StartAsync(o => o.FlushInterval = TimeSpan.FromHours(1));
        var client = app.GetTestClient();
        var counts = app.Services.GetRequiredService<IPageCounts>();
        await GetAsync(client, "/doctors/1", 3);
        await GetAsync(client, "/doctors/2", 1);
        Assert.True(await counts.FlushAsync());
        await GetAsync(client, "/doctors/2", 4);
        await GetAsync(client, "/marked", 2);

        var top = await counts.GetTopAsync(2);

        Assert.Equal([new PageCountSnapshot("/doctors/2", 5, 0), new PageCountSnapshot("/doctors/1", 3, 0)], top);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => counts.GetTopAsync(0));
    }

    [Fact]
    public async Task BackgroundService_IntervalElapses_WritesToStore()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var app = await StartAsync(services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        await GetAsync(app.GetTestClient(), "/marked", 3);
        var store = app.Services.GetRequiredService<IPageCountStore>();
        Assert.Null(await store.GetAsync("/marked", default));

        for (var i = 0; i < 500 && await store.GetAsync("/marked", default) is null; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        Assert.Equal(3, (await store.GetAsync("/marked", default))?.Views);
    }

    [Fact]
    public async Task StopAsync_PendingViews_FlushedOnShutdown()
    {
        var app = await StartAsync(o => o.FlushInterval = TimeSpan.FromHours(1));
        await GetAsync(app.GetTestClient(), "/marked", 7);
        var store = app.Services.GetRequiredService<IPageCountStore>();

        await app.StopAsync();

        Assert.Equal(7, (await store.GetAsync("/marked", default))?.Views);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task InvokeAsync_CountedRequest_AllocatesNothing()
    {
        await using var app = await StartAsync();
        var middleware = new Internal.PageCountMiddleware(
            _ => Task.CompletedTask,
            app.Services.GetRequiredService<Internal.PageCountRegistry>(),
            app.Services.GetRequiredService<Internal.BotDetector>(),
            app.Services.GetRequiredService<Internal.VisitorIdentifier>(),
            TimeProvider.System,
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PageCountOptions>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Internal.PageCountMiddleware>.Instance);
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/marked";
        context.Request.Headers.UserAgent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new PageCountAttribute()), "marked"));
        await middleware.InvokeAsync(context);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            _ = middleware.InvokeAsync(context);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1001, (await CountAsync(app, "/marked")).Views);
    }
}
