using Microsoft.EntityFrameworkCore;

namespace Clinic.Caching.Tests.Stores;

/// <summary>An application context holding the cache table, as an app would write it.</summary>
public sealed class TestCacheDbContext(DbContextOptions<TestCacheDbContext> options) : DbContext(options), ICacheDbContext
{
    public DbSet<CachedResponseRecord> CachedResponses => Set<CachedResponseRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyClinicCaching();
}
