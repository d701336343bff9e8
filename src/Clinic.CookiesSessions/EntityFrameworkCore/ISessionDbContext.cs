using Microsoft.EntityFrameworkCore;

namespace Clinic.CookiesSessions;

/// <summary>
/// Implemented by the application's <see cref="DbContext"/> to hold sessions (the pattern of Data Protection's
/// <c>IDataProtectionKeyContext</c>). Map it with <c>modelBuilder.ApplyClinicSessions()</c> in <c>OnModelCreating</c>.
/// </summary>
public interface ISessionDbContext
{
    /// <summary>The sessions table.</summary>
    DbSet<SessionRecord> Sessions { get; }
}
