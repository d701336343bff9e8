using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users;

/// <summary>
/// A convenient base for the application's <see cref="DbContext"/>: Identity's tables for <typeparamref name="TUser"/>
/// plus groups, permissions and their joins (see <see cref="ClinicUsersModelBuilderExtensions.ApplyClinicUsers{TUser}(ModelBuilder)"/>).
/// </summary>
/// <typeparam name="TUser">The application's user type.</typeparam>
public class ClinicUsersDbContext<TUser> : IdentityDbContext<TUser>
    where TUser : ClinicUser
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The options.</param>
    public ClinicUsersDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Groups.</summary>
    public DbSet<ClinicGroup> ClinicGroups => Set<ClinicGroup>();

    /// <summary>Permissions.</summary>
    public DbSet<ClinicPermission> ClinicPermissions => Set<ClinicPermission>();

    /// <summary>Group memberships.</summary>
    public DbSet<ClinicUserGroup> ClinicUserGroups => Set<ClinicUserGroup>();

    /// <summary>Permissions held by groups.</summary>
    public DbSet<ClinicGroupPermission> ClinicGroupPermissions => Set<ClinicGroupPermission>();

    /// <summary>Permissions granted to users directly.</summary>
    public DbSet<ClinicUserPermission> ClinicUserPermissions => Set<ClinicUserPermission>();

    /// <summary>The admin panel's history of changes (Django's <c>LogEntry</c>).</summary>
    public DbSet<AdminLogEntry> AdminLogEntries => Set<AdminLogEntry>();

    /// <inheritdoc/>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1725:Parameter names should match base declaration", Justification = "EF Core's DbContext calls it modelBuilder; Identity's 'builder' would make every app override trip CA1725.")]
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyClinicUsers<TUser>();
    }
}
