using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Clinic.PageCount.Tests;

/// <summary>A store that fails, then recovers: counts are kept in memory, retried, and none is lost.</summary>
public sealed class FailingStoreTests
{
    [Fact]
    public async Task Flush_StoreFailsThenRecovers_NothingLost()
    {
        var flaky = new FlakyStore();
        await using var app = await PageCountHost.StartAsync(
            s => s.AddClinicPageCount(o => o.FlushInterval = TimeSpan.FromHours(1)).Services.Replace(ServiceDescriptor.Singleton<IPageCountStore>(flaky)),
            a => a.MapGet("/page", () => "x").WithPageCount());
        using var failures = new MetricCollector<long>(app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            "Clinic.PageCount", "clinic.pagecount.flush.failures");
        var client = app.GetTestClient();
        var counts = app.Services.GetRequiredService<IPageCounts>();

        await PageCountHost.HammerAsync(client, 8, 25, (_, _) => "/page");
        flaky.Failing = true;
        Assert.False(await counts.FlushAsync());
        await PageCountHost.HammerAsync(client, 8, 25, (_, _) => "/page");
        Assert.False(await counts.FlushAsync());
        Assert.Equal(400, (await counts.GetAsync("/page")).Views);

        flaky.Failing = false;
        Assert.True(await counts.FlushAsync());

        Assert.Equal(400, (await flaky.GetAsync("/page", default))?.Views);
        Assert.Equal(2, failures.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(400, (await counts.GetAsync("/page")).Views);
    }

    [Fact]
    public async Task Flush_SqliteTableMissingThenBack_NothingLost()
    {
        await using var database = await TestDatabase.CreateSqliteAsync();
        var app = await PageCountHost.StartAsync(
            s =>
            {
                s.AddDbContext<PageCountTestDbContext>(database.Configure);
                s.AddClinicPageCount(o => o.FlushInterval = TimeSpan.FromHours(1)).UseEntityFrameworkStore<PageCountTestDbContext>();
            },
            a => a.MapGet("/page", () => "x").WithPageCount());
        var counts = app.Services.GetRequiredService<IPageCounts>();
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE clinic_page_counts RENAME TO away");
        }

        var ok = await PageCountHost.HammerAsync(app.GetTestClient(), 16, 20, (_, _) => "/page");
        Assert.False(await counts.FlushAsync());
        Assert.False(await counts.FlushAsync());

        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE away RENAME TO clinic_page_counts");
        }

        await app.StopAsync();
        await app.DisposeAsync();
        Assert.Equal(ok, await database.ViewsAsync("/page"));
    }

    private sealed class FlakyStore : IPageCountStore
    {
        private readonly Internal.InMemoryPageCountStore _inner = new();

        public volatile bool Failing;

        public Task IncrementAsync(IReadOnlyList<PageCountDelta> deltas, CancellationToken cancellationToken) =>
            Failing ? throw new InvalidOperationException("database is down") : _inner.IncrementAsync(deltas, cancellationToken);

        public Task<PageCountSnapshot?> GetAsync(string page, CancellationToken cancellationToken) => _inner.GetAsync(page, cancellationToken);

        public Task<IReadOnlyList<PageCountSnapshot>> GetTopAsync(int count, CancellationToken cancellationToken) => _inner.GetTopAsync(count, cancellationToken);

        public Task AddVisitsAsync(IReadOnlyList<PageVisit> visits, CancellationToken cancellationToken) => _inner.AddVisitsAsync(visits, cancellationToken);

        public Task<long> CountVisitorsAsync(string page, DateOnly day, CancellationToken cancellationToken) => _inner.CountVisitorsAsync(page, day, cancellationToken);
    }
}
