using System.Net;
using System.Net.Sockets;
using Clinic.CookiesSessions.EntityFrameworkCore;
using Clinic.CookiesSessions.Internal;
using Clinic.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Clinic.CookiesSessions.Tests.Sessions;

/// <summary>The cached-database store through the shared contract: SQLite with an in-memory cache.</summary>
public sealed class SqliteMemoryCachedDatabaseSessionStoreTests : StoreTestBase, IDisposable
{
    private readonly SqliteSessionDatabase _database = new();
    private readonly MemoryDistributedCache _cache = new(Options.Create(new MemoryDistributedCacheOptions()));

    public SqliteMemoryCachedDatabaseSessionStoreTests() =>
        Store = CachedStores.Create(_database.Store(Time), _cache, Time, NullLogger<CachedDatabaseSessionStore>.Instance);

    protected override IClinicSessionStore Store { get; }

    public void Dispose() => _database.Dispose();
}

/// <summary>The cached-database store through the shared contract: PostgreSQL with Redis.</summary>
public sealed class PostgresRedisCachedDatabaseSessionStoreTests : StoreTestBase, IClassFixture<PostgresSessionDatabase>, IDisposable
{
    private readonly RedisCache _cache = new(new RedisCacheOptions
    {
        Configuration = TestEnvironment.RequireRedis(),
        InstanceName = $"clinic-test-{Guid.NewGuid():N}:",
    });

    public PostgresRedisCachedDatabaseSessionStoreTests(PostgresSessionDatabase database) =>
        Store = CachedStores.Create(
            new EntityFrameworkSessionStore<SessionTestDbContext>(database.Services.GetRequiredService<IServiceScopeFactory>(), Time),
            _cache,
            Time,
            NullLogger<CachedDatabaseSessionStore>.Instance);

    protected override IClinicSessionStore Store { get; }

    public void Dispose() => _cache.Dispose();
}

/// <summary>The rules of the cached-database store itself (Django's <c>cached_db</c>), with SQL commands counted.</summary>
public sealed class CachedDatabaseSessionStoreRulesTests : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SqliteSessionDatabase _database = new();
    private readonly MemoryDistributedCache _cache = new(Options.Create(new MemoryDistributedCacheOptions()));
    private readonly FakeLogger<CachedDatabaseSessionStore> _logger = new();

    public void Dispose() => _database.Dispose();

    private DateTime Future => _time.GetUtcNow().UtcDateTime.AddHours(1);

    private CachedDatabaseSessionStore Cached(IDistributedCache? cache = null) =>
        CachedStores.Create(_database.Store(_time), cache ?? _cache, _time, _logger);

    private SessionRecord Record(string key, string data) => new() { Key = key, Data = data, ExpiresUtc = Future };

    private static string NewKey() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Load_AfterWriteThrough_RunsNoSql()
    {
        var store = Cached();
        var key = NewKey();
        await store.CreateAsync(Record(key, "{\"a\":1}"), CancellationToken.None);
        _database.Queries.Reset();

        var loaded = await store.LoadAsync(key, CancellationToken.None);

        Assert.Equal("{\"a\":1}", loaded!.Data);
        Assert.Equal(0, _database.Queries.Count);
    }

    [Fact]
    public async Task Create_WritesDatabaseFirstThenCache()
    {
        var store = Cached();
        var key = NewKey();
        _database.Queries.Reset();

        Assert.True(await store.CreateAsync(Record(key, "{\"a\":1}"), CancellationToken.None));

        Assert.True(_database.Queries.Count > 0);
        Assert.Equal("{\"a\":1}", (await _database.Store(_time).LoadAsync(key, CancellationToken.None))!.Data);
        Assert.NotNull(await _cache.GetAsync(CachedDatabaseSessionStore.KeyPrefix + key));
    }

    [Fact]
    public async Task Load_RowOnlyInDatabase_ReadsItAndFillsTheCache()
    {
        var key = NewKey();
        await _database.Store(_time).CreateAsync(Record(key, "{\"from\":\"db\"}"), CancellationToken.None);
        var store = Cached();

        Assert.Equal("{\"from\":\"db\"}", (await store.LoadAsync(key, CancellationToken.None))!.Data);
        _database.Queries.Reset();
        Assert.Equal("{\"from\":\"db\"}", (await store.LoadAsync(key, CancellationToken.None))!.Data);
        Assert.Equal(0, _database.Queries.Count);
    }

    [Fact]
    public async Task Load_CorruptCacheEntry_FallsBackToTheDatabase()
    {
        var store = Cached();
        var key = NewKey();
        await store.CreateAsync(Record(key, "{\"a\":1}"), CancellationToken.None);
        await _cache.SetAsync(CachedDatabaseSessionStore.KeyPrefix + key, "{\"Key\":"u8.ToArray());

        Assert.Equal("{\"a\":1}", (await store.LoadAsync(key, CancellationToken.None))!.Data);
    }

    [Fact]
    [Trait("Case", "SESS-07")]
    public async Task Load_CacheDown_DatabaseStillServesAndTheFailureIsLogged()
    {
        using var deadCache = CachedStores.UnreachableRedis();
        var key = NewKey();
        await _database.Store(_time).CreateAsync(Record(key, "{\"a\":1}"), CancellationToken.None);

        var loaded = await Cached(deadCache).LoadAsync(key, CancellationToken.None);

        Assert.Equal("{\"a\":1}", loaded!.Data);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == 3108);
    }

    [Fact]
    [Trait("Case", "SESS-07")]
    public async Task Update_CacheDown_FailsVisiblyAndTheDatabaseKeepsTheWrite()
    {
        using var deadCache = CachedStores.UnreachableRedis();
        var key = NewKey();
        await _database.Store(_time).CreateAsync(Record(key, "{\"v\":1}"), CancellationToken.None);

        await Assert.ThrowsAsync<SessionCacheUnavailableException>(() => Cached(deadCache).UpdateAsync(Record(key, "{\"v\":2}"), CancellationToken.None));

        // The database is the truth and has the write; no cache holds an older copy that could be served later.
        Assert.Equal("{\"v\":2}", (await _database.Store(_time).LoadAsync(key, CancellationToken.None))!.Data);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == 3109);
    }

    [Fact]
    [Trait("Case", "SESS-07")]
    public async Task Delete_CacheDown_FailsVisibly()
    {
        using var deadCache = CachedStores.UnreachableRedis();
        var key = NewKey();
        await _database.Store(_time).CreateAsync(Record(key, "{}"), CancellationToken.None);

        await Assert.ThrowsAsync<SessionCacheUnavailableException>(() => Cached(deadCache).DeleteAsync(key, CancellationToken.None));
        Assert.Null(await _database.Store(_time).LoadAsync(key, CancellationToken.None));
    }

    [Fact]
    [Trait("Case", "SESS-07")]
    public async Task Save_DatabaseFails_ThrowsAndLeavesTheCacheAlone()
    {
        var store = Cached();
        var existing = NewKey();
        await store.CreateAsync(Record(existing, "{\"v\":1}"), CancellationToken.None);
        _database.DropTable();
        var fresh = NewKey();

        await Assert.ThrowsAsync<SqliteException>(() => store.CreateAsync(Record(fresh, "{}"), CancellationToken.None));
        await Assert.ThrowsAsync<SqliteException>(() => store.UpdateAsync(Record(existing, "{\"v\":2}"), CancellationToken.None));

        Assert.Null(await _cache.GetAsync(CachedDatabaseSessionStore.KeyPrefix + fresh));
        Assert.Contains("\\u0022v\\u0022:1", System.Text.Encoding.UTF8.GetString((await _cache.GetAsync(CachedDatabaseSessionStore.KeyPrefix + existing))!), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Case", "SESS-05")]
    public async Task RowDeletedBehindTheStore_CacheServesUntilTheNextWriteWhichIsRefusedAndEvicts()
    {
        var store = Cached();
        var key = NewKey();
        await store.CreateAsync(Record(key, "{\"v\":1}"), CancellationToken.None);
        await _database.DeleteRowDirectlyAsync(key);

        // Django's cached_db does the same: the cache is trusted for reads until the entry expires or is replaced.
        Assert.NotNull(await store.LoadAsync(key, CancellationToken.None));

        // A write finds no row: refused (the session is not resurrected) and the stale copy is evicted.
        Assert.False(await store.UpdateAsync(Record(key, "{\"v\":2}"), CancellationToken.None));
        Assert.Null(await _cache.GetAsync(CachedDatabaseSessionStore.KeyPrefix + key));
        Assert.Null(await store.LoadAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_RemovesRowAndCacheEntry()
    {
        var store = Cached();
        var key = NewKey();
        await store.CreateAsync(Record(key, "{}"), CancellationToken.None);

        await store.DeleteAsync(key, CancellationToken.None);

        Assert.Null(await _cache.GetAsync(CachedDatabaseSessionStore.KeyPrefix + key));
        Assert.Null(await _database.Store(_time).LoadAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Create_KeyTaken_ChangesNeitherDatabaseNorCache()
    {
        var store = Cached();
        var key = NewKey();
        await store.CreateAsync(Record(key, "{\"v\":1}"), CancellationToken.None);

        Assert.False(await store.CreateAsync(Record(key, "{\"v\":2}"), CancellationToken.None));

        Assert.Equal("{\"v\":1}", (await store.LoadAsync(key, CancellationToken.None))!.Data);
        Assert.Equal("{\"v\":1}", (await _database.Store(_time).LoadAsync(key, CancellationToken.None))!.Data);
    }

    [Fact]
    [Trait("Case", "SESS-03")]
    public async Task AppCacheWrite_UnderSessionKey_CannotReachTheSession()
    {
        var store = Cached();
        var key = NewKey();
        await store.CreateAsync(Record(key, "{\"user\":1}"), CancellationToken.None);

        await _cache.SetStringAsync(key, "{\"Key\":\"" + key + "\",\"Data\":\"{\\\"user\\\":2}\",\"ExpiresUtc\":\"2099-01-01T00:00:00Z\"}");

        Assert.Equal("{\"user\":1}", (await store.LoadAsync(key, CancellationToken.None))!.Data);
    }

    [Fact]
    public async Task Request_ReadingACachedSession_RunsNoSql()
    {
        var queries = _database.Queries;
        var path = Path.Combine(Path.GetTempPath(), $"clinic_sessions_{Guid.NewGuid():N}.db");
        using var host = await TestHosts.StartAsync(
            s =>
            {
                s.AddDistributedMemoryCache();
                s.AddDbContext<SessionTestDbContext>(o => o.UseSqlite($"Data Source={path}").AddInterceptors(queries));
                s.AddClinicSessions().UseCachedEntityFrameworkStore<SessionTestDbContext>();
            },
            app =>
            {
                app.UseClinicSessions();
                app.Run(async context =>
                {
                    if (context.Request.Query.ContainsKey("write"))
                    {
                        context.Session.SetString("n", "1");
                    }

                    await context.Response.WriteAsync(context.Session.GetString("n") ?? "<none>");
                });
            });
        using (var scope = host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<SessionTestDbContext>().Database.EnsureCreated();
        }

        try
        {
            using var client = host.GetTestServer().CreateClient();
            using var written = await client.GetAsync(new Uri("/?write", UriKind.Relative));
            var cookie = written.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
            queries.Reset();

            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
            request.Headers.Add("Cookie", cookie);
            using var read = await client.SendAsync(request);

            Assert.Equal("1", await read.Content.ReadAsStringAsync());
            Assert.Equal(0, queries.Count);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void Registration_WithoutDistributedCache_FailsWithMessage()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDbContext<SessionTestDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        services.AddClinicSessions().UseCachedEntityFrameworkStore<SessionTestDbContext>();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IClinicSessionStore>());
        Assert.Contains("needs an IDistributedCache", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_WithDistributedCache_ResolvesTheCachedStore()
    {
        var services = new ServiceCollection().AddLogging().AddDistributedMemoryCache();
        services.AddDbContext<SessionTestDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        services.AddClinicSessions().UseCachedEntityFrameworkStore<SessionTestDbContext>();
        services.AddClinicSessions();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<CachedDatabaseSessionStore>(provider.GetRequiredService<IClinicSessionStore>());
    }
}

/// <summary>Builds cached-database stores and the caches the tests need.</summary>
internal static class CachedStores
{
    public static CachedDatabaseSessionStore Create(IClinicSessionStore database, IDistributedCache cache, TimeProvider time, Microsoft.Extensions.Logging.ILogger<CachedDatabaseSessionStore> logger) =>
        new(database, cache, time, logger, new CookiesSessionsMetrics(null));

    /// <summary>A real Redis client pointed at a loopback port nothing listens on: every call fails as in an outage.</summary>
    public static RedisCache UnreachableRedis()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        return new RedisCache(new RedisCacheOptions { Configuration = $"127.0.0.1:{port},connectTimeout=500,connectRetry=0,abortConnect=false" });
    }
}

/// <summary>A SQLite file with the sessions table, its EF Core store, and a counter of the SQL commands sent.</summary>
internal sealed class SqliteSessionDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"clinic_sessions_{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;

    public SqliteSessionDatabase()
    {
        var queries = Queries;
        _services = new ServiceCollection()
            .AddDbContext<SessionTestDbContext>(o => o.UseSqlite($"Data Source={_path}").AddInterceptors(queries))
            .BuildServiceProvider();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SessionTestDbContext>().Database.EnsureCreated();
    }

    public QueryCounter Queries { get; } = new();

    public EntityFrameworkSessionStore<SessionTestDbContext> Store(TimeProvider time) => new(_services.GetRequiredService<IServiceScopeFactory>(), time);

    public async Task DeleteRowDirectlyAsync(string key)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SessionTestDbContext>().Sessions.Where(r => r.Key == key).ExecuteDeleteAsync();
    }

    public void DropTable()
    {
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SessionTestDbContext>().Database.ExecuteSqlRaw("DROP TABLE clinic_sessions");
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
