using Clinic.CookiesSessions;
using Clinic.Erp.Domain;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Data;

/// <summary>The sample's one database: its own entities plus, as packages land, every package's tables.</summary>
public sealed class ErpDbContext(DbContextOptions<ErpDbContext> options) : DbContext(options), ISessionDbContext
{
    public DbSet<Doctor> Doctors => Set<Doctor>();

    public DbSet<Patient> Patients => Set<Patient>();

    /// <summary>Clinic.CookiesSessions' server-side sessions (table <c>clinic_sessions</c>).</summary>
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyClinicSessions();
        modelBuilder.Entity<Doctor>().HasIndex(d => d.LicenceNumber).IsUnique();
        modelBuilder.Entity<Patient>()
            .HasOne(p => p.Doctor)
            .WithMany(d => d.Patients)
            .HasForeignKey(p => p.DoctorId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
