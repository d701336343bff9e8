using Clinic.CookiesSessions;
using Clinic.Erp.Domain;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Data;

/// <summary>
/// The sample's one database: its own entities plus, as packages land, every package's tables (Clinic.Users' Identity
/// and permission tables come from the base class).
/// </summary>
public sealed class ErpDbContext(DbContextOptions<ErpDbContext> options) : ClinicUsersDbContext<ErpUser>(options), ISessionDbContext
{
    public DbSet<Doctor> Doctors => Set<Doctor>();

    public DbSet<Patient> Patients => Set<Patient>();

    /// <summary>Clinic.CookiesSessions' server-side sessions (table <c>clinic_sessions</c>).</summary>
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyClinicSessions();
        builder.Entity<Doctor>().HasIndex(d => d.LicenceNumber).IsUnique();
        builder.Entity<Patient>()
            .HasOne(p => p.Doctor)
            .WithMany(d => d.Patients)
            .HasForeignKey(p => p.DoctorId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
