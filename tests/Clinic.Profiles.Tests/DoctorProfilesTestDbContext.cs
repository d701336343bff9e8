using Clinic.Users;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Profiles.Tests;

/// <summary>An application context whose profile type is extended.</summary>
public sealed class DoctorProfilesTestDbContext(DbContextOptions<DoctorProfilesTestDbContext> options) : ClinicUsersDbContext<ClinicUser>(options)
{
    public DbSet<DoctorProfile> Profiles => Set<DoctorProfile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyClinicProfiles<ClinicUser, DoctorProfile>();
    }
}
