using Clinic.Users;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Tests.Infrastructure;

public sealed class TestDbContext : ClinicUsersDbContext<TestUser>
{
    public TestDbContext(DbContextOptions<TestDbContext> options)
        : base(options)
    {
    }

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<DoctorVisit> DoctorVisits => Set<DoctorVisit>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Doctor> Doctors => Set<Doctor>();

    public DbSet<Appointment> Appointments => Set<Appointment>();
}
