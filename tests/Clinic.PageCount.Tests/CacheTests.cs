using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.PageCount.Tests;

/// <summary>CNT-03: a counted page served by the output cache.</summary>
public sealed class CacheTests
{
    private static async Task<(long HandlerRuns, long Counted)> RunAsync(bool countBeforeCache)
    {
        long runs = 0;
        await using var app = await PageCountHost.StartAsync(
            s =>
            {
                s.AddOutputCache();
                s.AddClinicPageCount();
            },
            a => a.MapGet("/cached", () =>
            {
                Interlocked.Increment(ref runs);
                return "cached page";
            }).CacheOutput(p => p.Expire(TimeSpan.FromSeconds(60))).WithPageCount(),
            useCounting: false,
            afterCounting: a =>
            {
                if (countBeforeCache)
                {
                    a.UseClinicPageCount();
                    a.UseOutputCache();
                }
                else
                {
                    a.UseOutputCache();
                    a.UseClinicPageCount();
                }
            });
        var client = app.GetTestClient();
        for (var i = 0; i < 100; i++)
        {
            using var response = await client.GetAsync(new Uri("/cached", UriKind.Relative));
            response.EnsureSuccessStatusCode();
        }

        return (Interlocked.Read(ref runs), (await app.Services.GetRequiredService<IPageCounts>().GetAsync("/cached")).Views);
    }

    [Fact]
    [Trait("Case", "CNT-03")]
    public async Task CachedPage_CounterBeforeCache_EveryViewCounted()
    {
        var (runs, counted) = await RunAsync(countBeforeCache: true);
        Assert.Equal(1, runs);
        Assert.Equal(100, counted);
    }

    [Fact]
    [Trait("Case", "CNT-03")]
    public async Task CachedPage_CounterAfterCache_OnlyCacheMissesCounted()
    {
        // Django's semantics when the counter is in the view: cache hits skip it. Same here when placed after the cache.
        var (runs, counted) = await RunAsync(countBeforeCache: false);
        Assert.Equal(1, runs);
        Assert.Equal(1, counted);
    }
}
