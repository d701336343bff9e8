using Clinic.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Clinic.LoadTest.Host;

/// <summary>
/// The "caching" scenario: one 2 KB page as precomputed bytes (the floor, also the uncached page), a hit from
/// ASP.NET Core's output cache and from its response-caching middleware, hits from Clinic.Caching's memory, file and
/// SQLite stores (SQLite also with a 1 s local copy in memory), Redis hits when the harness passes a server (the
/// output cache's Redis store, Clinic.Caching's distributed store, with and without a local copy), and a Clinic.Caching miss (a store that never keeps anything, so every request looks up, renders,
/// captures and serializes; stampede protection off, since with a store that never keeps anything it would only
/// make concurrent requests wait for each other). Each Clinic.Caching variant gets its own service container (one store per container)
/// and runs only under its own path, so the other scenarios see none of these middlewares.
/// </summary>
public static class CachingEndpoints
{
    /// <summary>host:port of the Redis the harness started for this run (see Clinic.LoadTest's CachingRedisServer).</summary>
    public const string RedisVariable = "CLINIC_LOADTEST_REDIS";

    private static readonly byte[] Page = BuildPage();

    /// <summary>Services of the built-in alternatives.</summary>
    public static WebApplicationBuilder AddCachingScenario(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache();
        builder.Services.AddResponseCaching();
        return builder;
    }

    /// <summary>The branches and endpoints under <c>/caching</c>.</summary>
    public static WebApplication UseCachingScenario(this WebApplication app)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"clinic-loadtest-caching-{Environment.ProcessId}");
        var database = Path.Combine(Path.GetTempPath(), $"clinic-loadtest-caching-{Environment.ProcessId}.db");
        File.Delete(database);
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/caching/outputcache"), b => b.UseOutputCache());
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/caching/responsecaching"), b => b.UseResponseCaching());
        Branch(app, "/caching/clinic-memory", s => s.AddClinicCaching());
        Branch(app, "/caching/clinic-file", s => s.AddClinicCaching().UseFileStore(folder));
        Branch(app, "/caching/clinic-sqlite", s =>
        {
            s.AddDbContextPool<CachingLoadDbContext>(o => o.UseSqlite($"Data Source={database}"));
            s.AddClinicCaching().UseEntityFrameworkStore<CachingLoadDbContext>();
        });
        Branch(app, "/caching/clinic-sqlite-copy", s =>
        {
            s.AddDbContextPool<CachingLoadDbContext>(o => o.UseSqlite($"Data Source={database}"));
            s.AddClinicCaching(o => o.LocalCopyDuration = TimeSpan.FromSeconds(1)).UseEntityFrameworkStore<CachingLoadDbContext>();
        });
        Branch(app, "/caching/clinic-miss", s => s.AddClinicCaching(o => o.StampedeTimeout = TimeSpan.Zero).Services.AddSingleton<IResponseCacheStore, ForgetfulStore>());
        var redis = app.Configuration[RedisVariable];
        if (!string.IsNullOrEmpty(redis))
        {
            UseRedisBranches(app, redis);
        }

        app.MapGet("/caching/plain", () => Results.Bytes(Page, "text/html; charset=utf-8"));
        app.MapGet("/caching/outputcache", () => Results.Bytes(Page, "text/html; charset=utf-8")).CacheOutput(p => p.Expire(TimeSpan.FromMinutes(10)));
        app.MapGet("/caching/responsecaching", (HttpContext c) =>
        {
            c.Response.Headers.CacheControl = "public, max-age=600";
            return Results.Bytes(Page, "text/html; charset=utf-8");
        });
        foreach (var name in new[] { "memory", "file", "sqlite", "sqlite-copy", "miss" })
        {
            app.MapGet("/caching/clinic-" + name, () => Results.Bytes(Page, "text/html; charset=utf-8"));
        }

        return app;
    }

    /// <summary>
    /// The Redis rows, when the harness passes a server in <see cref="RedisVariable"/>: the output cache with its Redis
    /// store (own container, since the app's output cache keeps the memory store), and Clinic.Caching's distributed
    /// store without and with a 1 s local copy.
    /// </summary>
    private static void UseRedisBranches(WebApplication app, string redis)
    {
        var outputCache = new ServiceCollection();
        outputCache.AddLogging();
        outputCache.AddOutputCache();
        outputCache.AddStackExchangeRedisOutputCache(o =>
        {
            o.Configuration = redis;
            o.InstanceName = "clinic-loadtest-outputcache:";
        });
        var outputCacheProvider = outputCache.BuildServiceProvider();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/caching/outputcache-redis"), b =>
        {
            b.ApplicationServices = outputCacheProvider;
            b.UseOutputCache();
        });
        Branch(app, "/caching/clinic-redis", s =>
        {
            s.AddStackExchangeRedisCache(o => (o.Configuration, o.InstanceName) = (redis, "clinic-loadtest-caching:"));
            s.AddClinicCaching().UseDistributedCacheStore();
        });
        Branch(app, "/caching/clinic-redis-copy", s =>
        {
            s.AddStackExchangeRedisCache(o => (o.Configuration, o.InstanceName) = (redis, "clinic-loadtest-caching-copy:"));
            s.AddClinicCaching(o => o.LocalCopyDuration = TimeSpan.FromSeconds(1)).UseDistributedCacheStore();
        });
        app.MapGet("/caching/outputcache-redis", () => Results.Bytes(Page, "text/html; charset=utf-8")).CacheOutput(p => p.Expire(TimeSpan.FromMinutes(10)));
        app.MapGet("/caching/clinic-redis", () => Results.Bytes(Page, "text/html; charset=utf-8"));
        app.MapGet("/caching/clinic-redis-copy", () => Results.Bytes(Page, "text/html; charset=utf-8"));
    }

    private static void Branch(WebApplication app, string path, Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(app.Environment);
        configure(services);
        var provider = services.BuildServiceProvider();
        if (provider.GetService<CachingLoadDbContext>() is not null)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CachingLoadDbContext>();
            db.Database.EnsureCreated();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }

        app.UseWhen(c => c.Request.Path.StartsWithSegments(path), b =>
        {
            b.ApplicationServices = provider;
            b.UseClinicCaching();
        });
    }

    private static byte[] BuildPage()
    {
        var rows = string.Concat(Enumerable.Range(1, 20).Select(i => $"<tr><td>{i}</td><td>Doctor {i:00}</td><td>{(i % 2 == 0 ? "Cardiology" : "Pediatrics")}</td></tr>"));
        var html = "<!DOCTYPE html><html><head><title>Doctors</title></head><body><h1>Doctors</h1><table>" + rows + "</table><p>";
        html += new string('.', Math.Max(0, 2048 - html.Length - "</p></body></html>".Length)) + "</p></body></html>";
        return System.Text.Encoding.UTF8.GetBytes(html);
    }

    /// <summary>The host's context for the SQLite store.</summary>
    public sealed class CachingLoadDbContext(DbContextOptions<CachingLoadDbContext> options) : DbContext(options), ICacheDbContext
    {
        public DbSet<CachedResponseRecord> CachedResponses => Set<CachedResponseRecord>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyClinicCaching();
    }

    /// <summary>A store that keeps nothing: every request is a full miss (look up, render, capture, serialize).</summary>
    private sealed class ForgetfulStore : IResponseCacheStore
    {
        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, ResponseCacheEntryOptions options, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveByUrlPrefixAsync(string urlPrefix, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ClearAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
