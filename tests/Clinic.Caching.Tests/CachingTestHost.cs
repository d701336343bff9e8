using System.Diagnostics.Metrics;
using System.Security.Claims;
using Clinic.Caching.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Caching.Tests;

/// <summary>
/// The one host-building helper: a TestServer app with routing, the cache, then a stand-in for authentication
/// (cookie <c>user=NAME</c> or <c>Authorization: Bearer NAME</c> signs NAME in), then the endpoints.
/// TestServer hands the response to the client before the pipeline ends, and stores outside the process are written
/// after that; unless told otherwise, each request here returns only once every request has ended and every store
/// write has landed, so tests read the store as the next request would.
/// </summary>
internal sealed class CachingTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly InFlightRequests _inFlight = new();
    private bool _waitForStoreWrites = true;

    private CachingTestHost(WebApplication app, FakeTimeProvider time)
    {
        _app = app;
        Time = time;
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        Hits = new MetricCollector<long>(meters, CachingMetrics.MeterName, "clinic.caching.hits");
        Misses = new MetricCollector<long>(meters, CachingMetrics.MeterName, "clinic.caching.misses");
        Stores = new MetricCollector<long>(meters, CachingMetrics.MeterName, "clinic.caching.stores");
    }

    public HttpClient Client { get; private set; } = null!;

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public MetricCollector<long> Hits { get; }

    public MetricCollector<long> Misses { get; }

    public MetricCollector<long> Stores { get; }

    /// <summary>Renders per path, so tests can count how often the page itself ran.</summary>
    public RenderCounter Renders { get; } = new();

    public static async Task<CachingTestHost> StartAsync(
        Action<WebApplication, RenderCounter> endpoints,
        Action<CachingOptions>? configure = null,
        Action<CachingBuilder>? store = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? beforeCache = null,
        string environment = "Development",
        bool waitForStoreWrites = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddRouting();
        var cachingBuilder = builder.Services.AddClinicCaching(configure);
        store?.Invoke(cachingBuilder);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        var host = new CachingTestHost(app, time) { _waitForStoreWrites = waitForStoreWrites };
        app.Use(async (context, next) =>
        {
            using var request = host._inFlight.Begin();
            await next(context);
        });
        beforeCache?.Invoke(app);
        app.UseRouting();
        app.UseClinicCaching();
        app.Use((context, next) =>
        {
            var name = context.Request.Cookies["user"];
            var authorization = context.Request.Headers.Authorization.ToString();
            if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                name = authorization["Bearer ".Length..];
            }

            if (!string.IsNullOrEmpty(name))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "Test"));
            }

            return next(context);
        });
        endpoints(app, host.Renders);
        await app.StartAsync();
        host.Client = app.GetTestClient();
        return host;
    }

    public Task<HttpResponseMessage> GetAsync(string url, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Get, url, headers);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var response = await Client.SendAsync(request);
        if (_waitForStoreWrites)
        {
            await _inFlight.WhenNoneAsync();
            await Services.GetRequiredService<PendingStoreWrites>().WhenIdleAsync();
        }

        return response;
    }

    /// <summary>Counts requests still in the pipeline and lets a caller wait until there are none.</summary>
    private sealed class InFlightRequests
    {
        private readonly Lock _lock = new();
        private int _count;
        private TaskCompletionSource _idle = NewIdle();

        public IDisposable Begin()
        {
            lock (_lock)
            {
                if (_count++ == 0)
                {
                    _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }

            return new End(this);
        }

        public Task WhenNoneAsync()
        {
            lock (_lock)
            {
                return _idle.Task;
            }
        }

        private static TaskCompletionSource NewIdle()
        {
            var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idle.SetResult();
            return idle;
        }

        private sealed class End(InFlightRequests owner) : IDisposable
        {
            public void Dispose()
            {
                lock (owner._lock)
                {
                    if (--owner._count == 0)
                    {
                        owner._idle.SetResult();
                    }
                }
            }
        }
    }

    public async Task<string> GetStringAsync(string url, params (string Name, string Value)[] headers)
    {
        using var response = await GetAsync(url, headers);
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Hits.Dispose();
        Misses.Dispose();
        Stores.Dispose();
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
