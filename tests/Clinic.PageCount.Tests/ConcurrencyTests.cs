using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Clinic.PageCount.Tests;

/// <summary>CNT-01: 64 concurrent clients, an exact total in the database after a graceful shutdown.</summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Clients = 64;
    private const int PerClient = 100;

    private static Task<WebApplication> StartAsync(TestDatabase database, Action<WebApplication>? extra = null) =>
        PageCountHost.StartAsync(
            s =>
            {
                s.AddDbContext<PageCountTestDbContext>(database.Configure);
                s.AddClinicPageCount(o => o.FlushInterval = TimeSpan.FromMilliseconds(100)).UseEntityFrameworkStore<PageCountTestDbContext>();
            },
            app =>
            {
                app.MapGet("/page/{id:int}", (int id) => $"page {id}").WithPageCount();
                extra?.Invoke(app);
            });

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [Trait("Case", "CNT-01")]
    public async Task ConcurrentClients_GracefulShutdown_ExactTotalInDatabase(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var app = await StartAsync(database);

        var ok = await PageCountHost.HammerAsync(app.GetTestClient(), Clients, PerClient, (c, i) => i % 4 == 0 ? "/page/2" : "/page/1");
        await app.StopAsync();
        await app.DisposeAsync();

        Assert.Equal(Clients * PerClient, ok);
        Assert.Equal(ok, await database.ViewsAsync("/page/1") + await database.ViewsAsync("/page/2"));
        Assert.Equal(Clients * PerClient / 4, await database.ViewsAsync("/page/2"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [Trait("Case", "CNT-01")]
    public async Task NaiveReadModifyWrite_ConcurrentClients_LosesCounts(string provider)
    {
        // The control: Django's `page.n += 1; page.save()` as an app would write it. It must lose counts under the same
        // load, or the test above would prove nothing.
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.NaiveCounters.Add(new NaiveCounter { Id = 1 });
            await db.SaveChangesAsync();
        }

        var app = await StartAsync(database, a => a.MapGet("/naive", async (PageCountTestDbContext db) =>
        {
            var row = await db.NaiveCounters.SingleAsync(c => c.Id == 1);
            row.N++;
            await db.SaveChangesAsync();
            return Results.Ok();
        }));

        var ok = await PageCountHost.HammerAsync(app.GetTestClient(), Clients, 10, (_, _) => "/naive");
        await app.StopAsync();
        await app.DisposeAsync();

        await using var check = database.NewContext();
        var stored = (await check.NaiveCounters.SingleAsync()).N;
        output.WriteLine($"{provider}: naive read-modify-write stored {stored} of {ok} successful requests ({ok - stored} lost)");
        Assert.True(ok > 0);
        Assert.True(stored < ok, $"the naive counter stored {stored} of {ok}: expected lost updates");
    }

    [Fact]
    [Trait("Case", "CNT-01")]
    public async Task TwoInstances_OnePostgres_AddUpExactly()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        var first = await StartAsync(database);
        var second = await StartAsync(database);

        var counts = await Task.WhenAll(
            PageCountHost.HammerAsync(first.GetTestClient(), Clients / 2, PerClient, (c, i) => $"/page/{(c + i) % 3}"),
            PageCountHost.HammerAsync(second.GetTestClient(), Clients / 2, PerClient, (c, i) => $"/page/{(c + i) % 3}"));
        await Task.WhenAll(first.StopAsync(), second.StopAsync());
        await first.DisposeAsync();
        await second.DisposeAsync();

        Assert.Equal(Clients * PerClient, counts.Sum());
        long total = 0;
        for (var p = 0; p < 3; p++)
        {
            total += await database.ViewsAsync($"/page/{p}");
        }

        Assert.Equal(counts.Sum(), total);
    }
}
