using Clinic.Caching.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching.Tests;

/// <summary>The memory store under a stream of unique URLs, repeats and invalidations through the middleware.</summary>
public sealed class MemoryChurnTests
{
    private const long Limit = 64 * 1024;

    private static void Pages(WebApplication app, RenderCounter renders) =>
        app.MapGet("/item/{id}", (string id) => id + ":" + new string('x', 1500) + renders.Next("item"));

    [Fact]
    [Trait("Case", "CACHE-10")]
    public async Task UniqueUrls_ConcurrentChurn_StoreStaysWithinItsSizeLimit()
    {
        await using var host = await CachingTestHost.StartAsync(Pages, o => o.MemorySizeLimit = Limit);
        var store = (MemoryResponseCacheStore)host.Services.GetRequiredService<IResponseCacheStore>();
        var invalidator = host.Services.GetRequiredService<IResponseCacheInvalidator>();

        async Task WorkerAsync(int worker)
        {
            for (var i = 0; i < 150; i++)
            {
                var body = await host.GetStringAsync($"/item/{worker}-{i}");
                Assert.StartsWith($"{worker}-{i}:", body, StringComparison.Ordinal);
                if (i % 10 == 0)
                {
                    Assert.StartsWith($"{worker}-{i / 2}:", await host.GetStringAsync($"/item/{worker}-{i / 2}"), StringComparison.Ordinal);
                }

                if (i % 50 == 49)
                {
                    await invalidator.InvalidatePrefixAsync($"http://localhost/item/{worker}-1");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(WorkerAsync));

        Assert.InRange(store.Size, 1, Limit);
        Assert.True(store.Count < 4 * 150, $"{store.Count} entries: the store never evicted");
    }
}
