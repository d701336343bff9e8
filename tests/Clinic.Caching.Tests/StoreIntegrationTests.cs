using Clinic.Caching.Tests.Stores;
using Clinic.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching.Tests;

/// <summary>The middleware end to end over each real store: a hit, a Vary variant, and invalidation by URL.</summary>
public sealed class StoreIntegrationTests : IClassFixture<SqliteFixture>, IClassFixture<PostgresFixture>
{
    private readonly SqliteFixture _sqlite;
    private readonly PostgresFixture _postgres;

    public StoreIntegrationTests(SqliteFixture sqlite, PostgresFixture postgres)
    {
        _sqlite = sqlite;
        _postgres = postgres;
    }

    private static void Pages(WebApplication app, RenderCounter renders) =>
        app.MapGet("/doctors", (Microsoft.AspNetCore.Http.HttpContext c) =>
        {
            c.Response.Headers.Vary = "Accept-Language";
            return "doctors " + renders.Next("doctors");
        });

    private static async Task RunAsync(Action<CachingBuilder> store, Action<IServiceCollection>? services = null)
    {
        await using var host = await CachingTestHost.StartAsync(Pages, o => o.KeyPrefix = Guid.NewGuid().ToString("N")[..8], store, services);
        Assert.Equal("doctors 1", await host.GetStringAsync("/doctors"));
        using var hit = await host.GetAsync("/doctors");
        Assert.Equal("HIT", hit.Headers.GetValues("X-Clinic-Cache").Single());
        Assert.Equal("doctors 1", await hit.Content.ReadAsStringAsync());
        Assert.Equal("doctors 2", await host.GetStringAsync("/doctors", ("Accept-Language", "fr")));
        await host.Services.GetRequiredService<IResponseCacheInvalidator>().InvalidateUrlAsync(new Uri("http://localhost/doctors"));
        Assert.Equal("doctors 3", await host.GetStringAsync("/doctors"));
    }

    [Fact]
    public async Task FileStore_ServesHits()
    {
        var folder = Path.Combine(Path.GetTempPath(), "clinic-caching-" + Guid.NewGuid().ToString("N"));
        try
        {
            await RunAsync(b => b.UseFileStore(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public Task SqliteStore_ServesHits() =>
        RunAsync(b => b.UseEntityFrameworkStore<TestCacheDbContext>(), s => s.AddDbContext<TestCacheDbContext>(_sqlite.Configure));

    [Fact]
    public Task PostgresStore_ServesHits() =>
        RunAsync(b => b.UseEntityFrameworkStore<TestCacheDbContext>(), s => s.AddDbContext<TestCacheDbContext>(_postgres.Configure));

    [Fact]
    public Task RedisStore_ServesHits() =>
        RunAsync(b => b.UseDistributedCacheStore(), s => s.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = TestEnvironment.RequireRedis();
            o.InstanceName = "clinic-caching-tests:";
        }));

    [Fact]
    public async Task LocalCopy_FileStore_ServesFromMemoryUntilItsDurationOrAnInvalidation()
    {
        var folder = Path.Combine(Path.GetTempPath(), "clinic-caching-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var host = await CachingTestHost.StartAsync(Pages, o => o.LocalCopyDuration = TimeSpan.FromSeconds(5), b => b.UseFileStore(folder));
            Assert.Equal("doctors 1", await host.GetStringAsync("/doctors"));
            foreach (var file in Directory.GetFiles(folder))
            {
                File.Delete(file);
            }

            Assert.Equal("doctors 1", await host.GetStringAsync("/doctors"));
            host.Time.Advance(TimeSpan.FromSeconds(6));
            Assert.Equal("doctors 2", await host.GetStringAsync("/doctors"));
            Assert.Equal("doctors 2", await host.GetStringAsync("/doctors"));
            await host.Services.GetRequiredService<IResponseCacheInvalidator>().InvalidateUrlAsync(new Uri("http://localhost/doctors"));
            Assert.Equal("doctors 3", await host.GetStringAsync("/doctors"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
