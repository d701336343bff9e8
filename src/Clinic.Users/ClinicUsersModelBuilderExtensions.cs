using Microsoft.EntityFrameworkCore;

namespace Clinic.Users;

/// <summary>Maps Clinic.Users' entities into an application's EF Core model.</summary>
public static class ClinicUsersModelBuilderExtensions
{
    /// <summary>
    /// Maps groups, permissions and their joins, and the extra columns of <typeparamref name="TUser"/>. Call it in
    /// <c>OnModelCreating</c> after <c>base.OnModelCreating(builder)</c> of an Identity context.
    /// Tables: <c>ClinicPermissions</c> (unique app label + code name), <c>ClinicGroups</c> (unique name),
    /// <c>ClinicGroupPermissions</c>, <c>ClinicUserGroups</c>, <c>ClinicUserPermissions</c>, and the admin panel's
    /// history <c>ClinicAdminLogEntries</c>.
    /// </summary>
    /// <typeparam name="TUser">The application's user type.</typeparam>
    /// <param name="modelBuilder">The model builder.</param>
    /// <returns>The same model builder.</returns>
    public static ModelBuilder ApplyClinicUsers<TUser>(this ModelBuilder modelBuilder)
        where TUser : ClinicUser
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<TUser>(b =>
        {
            b.Property(u => u.FirstName).HasMaxLength(150).IsRequired();
            b.Property(u => u.LastName).HasMaxLength(150).IsRequired();
            b.Property(u => u.LastLoginIp).HasMaxLength(45);
        });

        modelBuilder.Entity<ClinicPermission>(b =>
        {
            b.ToTable("ClinicPermissions");
            b.HasKey(p => p.Id);
            b.Property(p => p.AppLabel).HasMaxLength(100).IsRequired();
            b.Property(p => p.Codename).HasMaxLength(100).IsRequired();
            b.Property(p => p.Name).HasMaxLength(255).IsRequired();
            b.HasIndex(p => new { p.AppLabel, p.Codename }).IsUnique();
        });

        modelBuilder.Entity<ClinicGroup>(b =>
        {
            b.ToTable("ClinicGroups");
            b.HasKey(g => g.Id);
            b.Property(g => g.Name).HasMaxLength(150).IsRequired();
            b.HasIndex(g => g.Name).IsUnique();
        });

        modelBuilder.Entity<ClinicGroupPermission>(b =>
        {
            b.ToTable("ClinicGroupPermissions");
            b.HasKey(x => new { x.GroupId, x.PermissionId });
            b.HasOne(x => x.Group).WithMany(g => g.Permissions).HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Permission).WithMany(p => p.Groups).HasForeignKey(x => x.PermissionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ClinicUserGroup>(b =>
        {
            b.ToTable("ClinicUserGroups");
            b.HasKey(x => new { x.UserId, x.GroupId });
            b.Property(x => x.UserId).HasMaxLength(450);
            b.HasOne<TUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Group).WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ClinicUserPermission>(b =>
        {
            b.ToTable("ClinicUserPermissions");
            b.HasKey(x => new { x.UserId, x.PermissionId });
            b.Property(x => x.UserId).HasMaxLength(450);
            b.HasOne<TUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Permission).WithMany().HasForeignKey(x => x.PermissionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AdminLogEntry>(b =>
        {
            b.ToTable("ClinicAdminLogEntries");
            b.HasKey(x => x.Id);
            b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
            b.Property(x => x.ContentType).HasMaxLength(200).IsRequired();
            b.Property(x => x.ObjectId).HasMaxLength(200).IsRequired();
            b.Property(x => x.ObjectRepr).HasMaxLength(200).IsRequired();
            b.Property(x => x.ChangeMessage).IsRequired();
            b.HasOne<TUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.UserId, x.Id });
            b.HasIndex(x => new { x.ContentType, x.ObjectId });
        });

        return modelBuilder;
    }
}
