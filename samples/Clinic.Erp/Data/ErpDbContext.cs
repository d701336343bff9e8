using Clinic.Erp.Domain;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Data;

/// <summary>The sample's one database: its own entities plus, as packages land, every package's tables.</summary>
public sealed class ErpDbContext(DbContextOptions<ErpDbContext> options) : DbContext(options)
{
    public DbSet<Doctor> Doctors => Set<Doctor>();

    public DbSet<Patient> Patients => Set<Patient>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Doctor>().HasIndex(d => d.LicenceNumber).IsUnique();
        modelBuilder.Entity<Patient>()
            .HasOne(p => p.Doctor)
            .WithMany(d => d.Patients)
            .HasForeignKey(p => p.DoctorId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
