using System.Diagnostics.Metrics;
using Clinic.Caching.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace Clinic.Caching.Tests;

/// <summary>Stores outside the process are written after the response is sent, without losing invalidations or failures.</summary>
public sealed class BackgroundStoreTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static void Pages(WebApplication app, RenderCounter renders) =>
        app.MapGet("/page", () => "render " + renders.Next("page"));

    private static Task<CachingTestHost> StartAsync(GatedStore store, Action<IServiceCollection>? services = null) =>
        CachingTestHost.StartAsync(
            Pages,
            store: b => b.Services.Replace(ServiceDescriptor.Singleton<IResponseCacheStore>(store)),
            services: services,
            waitForStoreWrites: false);

    [Fact]
    public async Task Miss_StoreWriteHeld_ResponseArrivesBeforeTheWriteFinishes()
    {
        var store = new GatedStore { HoldWrites = true };
        await using var host = await StartAsync(store);

        Assert.Equal("render 1", await host.GetStringAsync("/page"));
        await store.WriteStarted.Task.WaitAsync(HangGuard);
        Assert.Equal(0, store.Count);

        store.Release();
        await host.Services.GetRequiredService<PendingStoreWrites>().WhenIdleAsync().WaitAsync(HangGuard);
        Assert.Equal(2, store.Count);
        Assert.Equal("render 1", await host.GetStringAsync("/page"));
    }

    [Fact]
    public async Task Invalidate_WhileAnEarlierWriteIsHeld_WaitsForItAndThenRemovesTheEntry()
    {
        var store = new GatedStore { HoldWrites = true };
        await using var host = await StartAsync(store);
        Assert.Equal("render 1", await host.GetStringAsync("/page"));
        await store.WriteStarted.Task.WaitAsync(HangGuard);

        var invalidation = host.Services.GetRequiredService<IResponseCacheInvalidator>().InvalidateAllAsync().AsTask();
        Assert.False(invalidation.IsCompleted);
        store.Release();
        await invalidation.WaitAsync(HangGuard);

        Assert.Equal(0, store.Count);
        Assert.Equal("render 2", await host.GetStringAsync("/page"));
    }

    [Fact]
    public async Task Miss_StoreWriteFails_ResponseIsServedAndTheFailureLoggedAsWarning()
    {
        var store = new GatedStore { FailWrites = true };
        var waiter = new LogEventWaiter(6005);
        await using var host = await StartAsync(store, s => s.AddLogging(b => b.AddProvider(waiter)));

        using var errors = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), CachingMetrics.MeterName, "clinic.caching.store_errors");
        using var response = await host.GetAsync("/page");
        Assert.Equal(StatusCodes.Status200OK, (int)response.StatusCode);
        Assert.Equal("render 1", await response.Content.ReadAsStringAsync());
        var (level, exception) = await waiter.Logged.Task.WaitAsync(HangGuard);
        Assert.Equal(LogLevel.Warning, level);
        Assert.IsType<IOException>(exception);
        Assert.Empty(host.Stores.GetMeasurementSnapshot());
        var error = Assert.Single(errors.GetMeasurementSnapshot());
        Assert.Equal("write", error.Tags["operation"]);
        Assert.Equal("render 2", await host.GetStringAsync("/page"));
    }
}
