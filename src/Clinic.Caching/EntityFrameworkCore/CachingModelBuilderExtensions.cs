using Microsoft.EntityFrameworkCore;

namespace Clinic.Caching;

/// <summary>Maps the database store's entity.</summary>
public static class CachingModelBuilderExtensions
{
    /// <summary>
    /// Maps <see cref="CachedResponseRecord"/> to the table <c>clinic_cached_responses</c> (key as primary key, an
    /// index on the expiry). Call it from <c>OnModelCreating</c> of the context that implements <see cref="ICacheDbContext"/>.
    /// </summary>
    public static ModelBuilder ApplyClinicCaching(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<CachedResponseRecord>(entity =>
        {
            entity.ToTable("clinic_cached_responses");
            entity.HasKey(e => e.Key);
            entity.Property(e => e.Key).HasMaxLength(256);
            entity.Property(e => e.Url).IsRequired();
            entity.Property(e => e.Tags).IsRequired();
            entity.Property(e => e.Value).IsRequired();
            entity.HasIndex(e => e.ExpiresAtUnixMilliseconds);
        });
        return modelBuilder;
    }
}
