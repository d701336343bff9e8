using Clinic.Users;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Profiles.Tests;

/// <summary>An application context: Clinic.Users' tables and profiles.</summary>
public sealed class ProfilesTestDbContext(DbContextOptions<ProfilesTestDbContext> options) : ClinicUsersDbContext<ClinicUser>(options)
{
    public DbSet<ClinicProfile> Profiles => Set<ClinicProfile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyClinicProfiles<ClinicUser>();
    }
}
