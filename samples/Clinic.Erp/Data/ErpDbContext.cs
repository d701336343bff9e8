using Clinic.CookiesSessions;
using Clinic.Erp.Domain;
using Clinic.PageCount;
using Clinic.Profiles;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Data;

/// <summary>
/// The sample's one database: doctors and patients plus every package's tables (Clinic.Users' Identity and permission
/// tables from the base class, sessions, profiles and page counts from each package's <c>Apply...</c> mapping).
/// </summary>
public sealed class ErpDbContext(DbContextOptions<ErpDbContext> options)
    : ClinicUsersDbContext<ErpUser>(options), ISessionDbContext, IPageCountDbContext
{
    public DbSet<Doctor> Doctors => Set<Doctor>();

    public DbSet<Patient> Patients => Set<Patient>();

    /// <summary>Clinic.CookiesSessions' server-side sessions (table <c>clinic_sessions</c>).</summary>
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

    /// <summary>Clinic.Profiles' one profile per user (table <c>ClinicProfiles</c>), created by a signal.</summary>
    public DbSet<ClinicProfile> Profiles => Set<ClinicProfile>();

    /// <summary>Clinic.PageCount's counters (table <c>clinic_page_counts</c>).</summary>
    public DbSet<PageCounter> PageCounts => Set<PageCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyClinicSessions();
        modelBuilder.ApplyClinicProfiles<ErpUser>();
        modelBuilder.ApplyClinicPageCount();

        modelBuilder.Entity<Doctor>(doctor =>
        {
            doctor.HasIndex(d => d.LicenceNumber).IsUnique();
            // One doctor per account; deleting the account deletes the doctor (refused while patients remain, below).
            doctor.HasOne(d => d.User).WithOne().HasForeignKey<Doctor>(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
            doctor.Ignore(d => d.Name);
        });
        modelBuilder.Entity<Patient>(patient =>
        {
            patient.HasOne(p => p.User).WithOne().HasForeignKey<Patient>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
            // A doctor with patients cannot be deleted (Django's PROTECT): patients are reassigned first.
            patient.HasOne(p => p.Doctor).WithMany(d => d.Patients).HasForeignKey(p => p.DoctorId).OnDelete(DeleteBehavior.Restrict);
            patient.Ignore(p => p.Name);
        });
    }
}
