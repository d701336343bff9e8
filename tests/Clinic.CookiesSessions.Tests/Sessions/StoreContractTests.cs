using Clinic.CookiesSessions.EntityFrameworkCore;
using Clinic.CookiesSessions.Internal;
using Clinic.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinic.CookiesSessions.Tests.Sessions;

public sealed class InMemorySessionStoreTests : StoreTestBase
{
    public InMemorySessionStoreTests() => Store = new InMemorySessionStore(Time);

    protected override IClinicSessionStore Store { get; }
}

public sealed class FileSessionStoreTests : StoreTestBase, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clinic-sessions-");

    public FileSessionStoreTests() => Store = new FileSessionStore(_directory.FullName, Time, NullLogger<FileSessionStore>.Instance);

    protected override IClinicSessionStore Store { get; }

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    [Trait("Case", "SESS-08")]
    public async Task Load_CorruptOrTruncatedFile_ReadsAsAbsent()
    {
        var key = NewKey();
        await Store.CreateAsync(new SessionRecord { Key = key, Data = "{}", ExpiresUtc = Future }, CancellationToken.None);
        var path = Path.Combine(_directory.FullName, FileSessionStore.FilePrefix + key);
        await File.WriteAllTextAsync(path, "{\"Key\":\"" + key + "\",\"Da");

        Assert.Null(await Store.LoadAsync(key, CancellationToken.None));
    }

    [Fact]
    [Trait("Case", "SESS-08")]
    public async Task Update_Writes_LeaveNoTemporaryFiles()
    {
        var key = NewKey();
        await Store.CreateAsync(new SessionRecord { Key = key, Data = "{}", ExpiresUtc = Future }, CancellationToken.None);
        for (var i = 0; i < 20; i++)
        {
            await Store.UpdateAsync(new SessionRecord { Key = key, Data = "{\"i\":" + i + "}", ExpiresUtc = Future }, CancellationToken.None);
        }

        Assert.Equal([FileSessionStore.FilePrefix + key], _directory.GetFiles().Select(f => f.Name));
    }

    [Fact]
    [Trait("Case", "SESS-03")]
    public async Task Operations_TraversalKey_TouchNothingOutsideTheFolder()
    {
        var outside = Path.Combine(_directory.Parent!.FullName, FileSessionStore.FilePrefix + "x");
        await Assert.ThrowsAsync<InvalidSessionKeyException>(() =>
            Store.CreateAsync(new SessionRecord { Key = "../" + FileSessionStore.FilePrefix + "x", Data = "{}", ExpiresUtc = Future }, CancellationToken.None));

        Assert.False(File.Exists(outside));
        Assert.Empty(_directory.GetFiles());
    }
}

public sealed class SqliteSessionStoreTests : StoreTestBase, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"clinic_sessions_{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;

    public SqliteSessionStoreTests()
    {
        _services = new ServiceCollection()
            .AddDbContext<SessionTestDbContext>(o => o.UseSqlite($"Data Source={_path}"))
            .BuildServiceProvider();
        using (var scope = _services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<SessionTestDbContext>().Database.EnsureCreated();
        }

        Store = new EntityFrameworkSessionStore<SessionTestDbContext>(_services.GetRequiredService<IServiceScopeFactory>(), Time);
    }

    protected override IClinicSessionStore Store { get; }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}

public sealed class PostgresSessionStoreTests(PostgresSessionDatabase database) : StoreTestBase, IClassFixture<PostgresSessionDatabase>
{
    private IClinicSessionStore? _store;

    protected override IClinicSessionStore Store =>
        _store ??= new EntityFrameworkSessionStore<SessionTestDbContext>(database.Services.GetRequiredService<IServiceScopeFactory>(), Time);
}

/// <summary>One uniquely named PostgreSQL database per test class (the shared <see cref="PostgresTestDatabase"/>), dropped at the end.</summary>
public sealed class PostgresSessionDatabase : IAsyncLifetime
{
    private PostgresTestDatabase? _database;
    private ServiceProvider? _services;

    public ServiceProvider Services => _services ?? throw new InvalidOperationException("not initialized");

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync("clinic_cookiessessions_");
        var connection = _database.ConnectionString;
        _services = new ServiceCollection()
            .AddDbContext<SessionTestDbContext>(o => o.UseNpgsql(connection))
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SessionTestDbContext>().Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class RedisSessionStoreTests : StoreTestBase, IDisposable
{
    private readonly RedisCache _cache;

    public RedisSessionStoreTests()
    {
        _cache = new RedisCache(new RedisCacheOptions
        {
            Configuration = TestEnvironment.RequireRedis(),
            InstanceName = $"clinic-test-{Guid.NewGuid():N}:",
        });
        Store = new DistributedCacheSessionStore(_cache, Time, NullLogger<DistributedCacheSessionStore>.Instance);
    }

    protected override bool ExpiresEntriesItself => true;

    protected override IClinicSessionStore Store { get; }

    public void Dispose() => _cache.Dispose();

    [Fact]
    [Trait("Case", "SESS-03")]
    public async Task AppCacheWrite_UnderSessionKey_CannotReachTheSession()
    {
        var key = NewKey();
        await Store.CreateAsync(new SessionRecord { Key = key, Data = "{\"user\":1}", ExpiresUtc = Future }, CancellationToken.None);

        // Application code writing cache[<victim session key>] lands outside the private prefix.
        await _cache.SetStringAsync(key, "{\"Key\":\"" + key + "\",\"Data\":\"{\\\"user\\\":2}\",\"ExpiresUtc\":\"2099-01-01T00:00:00Z\"}");

        Assert.Equal("{\"user\":1}", (await Store.LoadAsync(key, CancellationToken.None))!.Data);
    }
}
