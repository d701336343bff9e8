using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Signals.Tests.EntityFrameworkCore;

public sealed class Doctor
{
    public int Id { get; set; }

    [MaxLength(200)]
    public string Name { get; set; } = "";

    [ConcurrencyCheck]
    public int Version { get; set; }

    public List<Patient> Patients { get; } = [];
}

public sealed class Patient
{
    public int Id { get; set; }

    [MaxLength(200)]
    public string Name { get; set; } = "";

    public int? Age { get; set; }

    public int? DoctorId { get; set; }

    public Doctor? Doctor { get; set; }
}

public sealed class AppUser
{
    public int Id { get; set; }

    [MaxLength(200)]
    public string Email { get; set; } = "";

    public int Logins { get; set; }
}

public sealed class UserProfile
{
    public int Id { get; set; }

    public int UserId { get; set; }

    [MaxLength(200)]
    public string DisplayName { get; set; } = "";
}

/// <summary>The context of the model-signal tests; the provider is chosen by the fixture.</summary>
public sealed class SignalsTestDb(DbContextOptions<SignalsTestDb> options) : DbContext(options)
{
    public DbSet<Doctor> Doctors => Set<Doctor>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<AppUser> Users => Set<AppUser>();

    public DbSet<UserProfile> Profiles => Set<UserProfile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Patient>().HasOne(p => p.Doctor).WithMany(d => d.Patients).HasForeignKey(p => p.DoctorId).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.Entity<AppUser>().HasIndex(u => u.Email).IsUnique();
        modelBuilder.Entity<UserProfile>().HasIndex(p => p.UserId).IsUnique();
    }
}
