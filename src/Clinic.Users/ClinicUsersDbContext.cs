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

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyClinicUsers<TUser>();
    }
}
