using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Clinic.PageCount.Tests;

/// <summary>CNT-04: cardinality and lock pressure.</summary>
public sealed class CardinalityTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Case", "CNT-04")]
    public async Task RandomMissingSlugs_HundredThousandGets_NoRows()
    {
        await using var database = await TestDatabase.CreateSqliteAsync();
        var known = new HashSet<string>(StringComparer.Ordinal) { "known" };
        var app = await PageCountHost.StartAsync(
            s =>
            {
                s.AddDbContext<PageCountTestDbContext>(database.Configure);
                s.AddClinicPageCount(o => o.CountAllEndpoints = true).UseEntityFrameworkStore<PageCountTestDbContext>();
            },
            a => a.MapGet("/pages/{slug}", (string slug) => known.Contains(slug) ? Results.Ok(slug) : Results.NotFound()));

        var client = app.GetTestClient();
        long notFound = 0;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < 100_000 / 32 + 1; i++)
            {
                // Half the slugs match the route (and 404 in the handler), half match no endpoint at all.
                var path = i % 2 == 0 ? $"/pages/{Guid.NewGuid():N}" : $"/{Guid.NewGuid():N}/{i}";
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if ((int)response.StatusCode == 404)
                {
                    Interlocked.Increment(ref notFound);
                }
            }
        })));
        using (var response = await client.GetAsync(new Uri("/pages/known", UriKind.Relative)))
        {
            response.EnsureSuccessStatusCode();
        }

        await app.StopAsync();
        await app.DisposeAsync();

        Assert.True(notFound >= 100_000);
        Assert.Equal(1, await database.RowCountAsync());
        Assert.Equal(1, await database.ViewsAsync("/pages/known"));
    }

    [Fact]
    [Trait("Case", "CNT-04")]
    public async Task ManyDistinctExistingPages_BeyondMaxPages_RowsCapped()
    {
        await using var database = await TestDatabase.CreateSqliteAsync();
        var app = await PageCountHost.StartAsync(
            s =>
            {
                s.AddDbContext<PageCountTestDbContext>(database.Configure);
                s.AddClinicPageCount(o => o.MaxPages = 50).UseEntityFrameworkStore<PageCountTestDbContext>();
            },
            a => a.MapGet("/doctors/{id:int}", (int id) => id).WithPageCount());

        await PageCountHost.HammerAsync(app.GetTestClient(), 10, 100, (c, i) => $"/doctors/{(c * 100) + i}");
        await app.StopAsync();
        await app.DisposeAsync();

        Assert.Equal(50, await database.RowCountAsync());
    }

    [Fact]
    [Trait("Case", "CNT-04")]
    public async Task SixtyFourWritersOnSixtyFourPages_Sqlite_ExactNoErrorsLowLatency()
    {
        await using var database = await TestDatabase.CreateSqliteAsync();
        var app = await PageCountHost.StartAsync(
            s =>
            {
                s.AddDbContext<PageCountTestDbContext>(database.Configure);
                s.AddClinicPageCount(o => o.FlushInterval = TimeSpan.FromMilliseconds(50)).UseEntityFrameworkStore<PageCountTestDbContext>();
            },
            a => a.MapGet("/page/{id:int}", (int id) => id).WithPageCount());
        var client = app.GetTestClient();
        var latencies = new List<double>[64];
        long errors = 0;

        await Task.WhenAll(Enumerable.Range(0, 64).Select(c => Task.Run(async () =>
        {
            latencies[c] = [];
            for (var i = 0; i < 100; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri($"/page/{c}", UriKind.Relative));
                latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        await app.StopAsync();
        await app.DisposeAsync();

        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        var p99 = sorted[(int)(sorted.Length * 0.99)];
        output.WriteLine($"64 writers x 100 GETs on SQLite: p99 {p99:N2} ms, errors {errors}");
        Assert.Equal(0, errors);
        for (var p = 0; p < 64; p++)
        {
            Assert.Equal(100, await database.ViewsAsync($"/page/{p}"));
        }

        Assert.True(p99 < 1000, $"p99 {p99} ms");
    }
}
