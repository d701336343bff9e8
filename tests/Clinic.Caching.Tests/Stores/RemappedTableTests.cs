using Clinic.Caching.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Caching.Tests.Stores;

/// <summary>The database store's hand-written hit query follows the application's own mapping of the table.</summary>
public sealed class RemappedTableTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "clinic-caching-remapped-" + Guid.NewGuid().ToString("N") + ".db");
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection().AddDbContext<RemappedContext>(o => o.UseSqlite("Data Source=" + _file)).BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RemappedContext>().Database.EnsureCreatedAsync();
    }

    [Fact]
    public async Task Get_TableAndColumnsRenamed_ReadsTheValueWrittenThroughEfCore()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var store = new EntityFrameworkResponseCacheStore<RemappedContext>(_services.GetRequiredService<IServiceScopeFactory>(), time);
        await store.SetAsync("k", [4, 5, 6], new ResponseCacheEntryOptions("https://x/k", TimeSpan.FromMinutes(1), []), CancellationToken.None);

        Assert.Equal([4, 5, 6], await store.GetAsync("k", CancellationToken.None));
        Assert.Null(await store.GetAsync("other", CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await store.GetAsync("k", CancellationToken.None));

        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RemappedContext>();
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"page cache\" WHERE \"cache key\" = 'k'").SingleAsync());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    /// <summary>An application that renamed the table and two columns (names with spaces, so quoting is exercised).</summary>
    private sealed class RemappedContext(DbContextOptions<RemappedContext> options) : DbContext(options), ICacheDbContext
    {
        public DbSet<CachedResponseRecord> CachedResponses => Set<CachedResponseRecord>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyClinicCaching();
            modelBuilder.Entity<CachedResponseRecord>(e =>
            {
                e.ToTable("page cache");
                e.Property(r => r.Key).HasColumnName("cache key");
                e.Property(r => r.Value).HasColumnName("body bytes");
            });
        }
    }
}
