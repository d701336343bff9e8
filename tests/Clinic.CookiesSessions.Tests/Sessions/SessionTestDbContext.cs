using Microsoft.EntityFrameworkCore;

namespace Clinic.CookiesSessions.Tests.Sessions;

/// <summary>An application context as the README tells apps to write it.</summary>
public sealed class SessionTestDbContext(DbContextOptions<SessionTestDbContext> options) : DbContext(options), ISessionDbContext
{
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyClinicSessions();
}
