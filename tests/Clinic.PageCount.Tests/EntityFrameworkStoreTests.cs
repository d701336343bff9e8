using Clinic.PageCount.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.PageCount.Tests;

/// <summary>The EF Core store on SQLite and on PostgreSQL: the same facts on both.</summary>
public sealed class EntityFrameworkStoreTests
{
    private static async Task<(TestDatabase Database, ServiceProvider Services, IPageCountStore Store)> CreateAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddDbContext<PageCountTestDbContext>(database.Configure);
        services.AddClinicPageCount().UseEntityFrameworkStore<PageCountTestDbContext>();
        var provider2 = services.BuildServiceProvider();
        return (database, provider2, provider2.GetRequiredService<IPageCountStore>());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task IncrementAsync_TwoBatches_AddsUp(string provider)
    {
        var (database, services, store) = await CreateAsync(provider);
        await using var _ = database;
        await using var __ = services;

        await store.IncrementAsync([new PageCountDelta("/a", 2, 1), new PageCountDelta("/b", 5, 0)], default);
        await store.IncrementAsync([new PageCountDelta("/a", 3, 4)], default);

        Assert.Equal(new PageCountSnapshot("/a", 5, 5), await store.GetAsync("/a", default));
        Assert.Equal(new PageCountSnapshot("/b", 5, 0), await store.GetAsync("/b", default));
        Assert.Null(await store.GetAsync("/c", default));
        Assert.Equal(["/a", "/b"], (await store.GetTopAsync(5, default)).Select(s => s.Page));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task IncrementAsync_TenThousandPages_AllWrittenInOneTransaction(string provider)
    {
        var (database, services, store) = await CreateAsync(provider);
        await using var _ = database;
        await using var __ = services;
        var deltas = Enumerable.Range(0, 10_000).Select(i => new PageCountDelta($"/p/{i:D5}", i + 1, 0)).ToList();

        await store.IncrementAsync(deltas, default);
        await store.IncrementAsync(deltas, default);

        Assert.Equal(10_000, await database.RowCountAsync());
        await using var db = database.NewContext();
        Assert.Equal(2L * deltas.Sum(d => d.Views), await db.PageCounts.SumAsync(p => p.Views));
        Assert.Equal(new PageCountSnapshot("/p/09999", 20_000, 0), (await store.GetTopAsync(1, default))[0]);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task IncrementAsync_StatementFails_WholeBatchRolledBack(string provider)
    {
        var (database, services, store) = await CreateAsync(provider);
        await using var _ = database;
        await using var __ = services;
        var tooLong = "/" + new string('x', 3000);
        var deltas = Enumerable.Range(0, 400).Select(i => new PageCountDelta($"/p/{i:D3}", 1, 0)).Append(new PageCountDelta(tooLong, 1, 0)).ToList();
        await using (var db = database.NewContext())
        {
            // SQLite ignores lengths; a CHECK constraint makes the last statement fail on both databases.
            await db.Database.ExecuteSqlRawAsync(provider == "postgres"
                ? "ALTER TABLE clinic_page_counts ADD CONSTRAINT short_page CHECK (length(page) < 2048)"
                : "CREATE TRIGGER short_page BEFORE INSERT ON clinic_page_counts WHEN length(NEW.page) >= 2048 BEGIN SELECT RAISE(ABORT, 'too long'); END");
        }

        await Assert.ThrowsAnyAsync<Exception>(() => store.IncrementAsync(deltas, default));

        Assert.Equal(0, await database.RowCountAsync());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AddVisitsAsync_SameVisitorTwice_CountedOnce(string provider)
    {
        var (database, services, store) = await CreateAsync(provider);
        await using var _ = database;
        await using var __ = services;
        var day = new DateOnly(2026, 5, 4);

        await store.AddVisitsAsync([new PageVisit("/a", day, "v1"), new PageVisit("/a", day, "v2"), new PageVisit("/a", day.AddDays(1), "v1")], default);
        await store.AddVisitsAsync([new PageVisit("/a", day, "v1")], default);

        Assert.Equal(2, await store.CountVisitorsAsync("/a", day, default));
        Assert.Equal(1, await store.CountVisitorsAsync("/a", day.AddDays(1), default));
        Assert.Equal(0, await store.CountVisitorsAsync("/b", day, default));
    }

    [Fact]
    public void Store_ChosenWithBuilder_IsEntityFrameworkStore()
    {
        var services = new ServiceCollection();
        services.AddClinicPageCount().UseEntityFrameworkStore<PageCountTestDbContext>();
        services.AddDbContext<PageCountTestDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        using var provider = services.BuildServiceProvider();
        Assert.IsType<EntityFrameworkPageCountStore<PageCountTestDbContext>>(provider.GetRequiredService<IPageCountStore>());
    }
}
