using Microsoft.EntityFrameworkCore;

namespace Clinic.Caching;

/// <summary>
/// Implemented by the application's <see cref="DbContext"/> to hold cached responses (the pattern of Data Protection's
/// <c>IDataProtectionKeyContext</c>). Map the entity with <c>modelBuilder.ApplyClinicCaching()</c>.
/// </summary>
public interface ICacheDbContext
{
    /// <summary>The cached responses.</summary>
    DbSet<CachedResponseRecord> CachedResponses { get; }
}
