using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Infrastructure;

/// <summary>
/// Start-up work that needs Clinic.Users' permissions to exist (registered after <c>AddClinicUsers</c>, so it starts
/// after the package's permission synchroniser): creates the groups of <see cref="ClinicGroups"/> with their
/// permissions when missing, then seeds the demo data when <c>Erp:SeedDemoData</c> is on.
/// </summary>
internal sealed partial class ClinicGroupsSetup(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger<ClinicGroupsSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        await EnsureGroupsAsync(db, cancellationToken);
        if (configuration.GetValue("Erp:SeedDemoData", environment.IsDevelopment()))
        {
            await DemoData.SeedAsync(db, scope.ServiceProvider.GetRequiredService<ClinicUserManager<ErpUser>>(), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates each missing group and gives it the permissions it lacks; never removes what an admin granted.</summary>
    internal async Task EnsureGroupsAsync(ErpDbContext db, CancellationToken cancellationToken)
    {
        var permissions = await db.ClinicPermissions.AsNoTracking().ToListAsync(cancellationToken);
        var byName = permissions.ToDictionary(p => p.ToString(), p => p.Id, StringComparer.Ordinal);
        foreach (var (name, wanted) in ClinicGroups.Permissions)
        {
            var group = await db.ClinicGroups.Include(g => g.Permissions).SingleOrDefaultAsync(g => g.Name == name, cancellationToken);
            if (group is null)
            {
                group = new ClinicGroup { Name = name };
                db.ClinicGroups.Add(group);
                LogGroupCreated(name);
            }

            foreach (var permission in wanted)
            {
                if (!byName.TryGetValue(permission, out var id))
                {
                    throw new InvalidOperationException($"Permission {permission} does not exist: is Clinic.Users' CreatePermissionsOnStartup off?");
                }

                if (group.Permissions.All(p => p.PermissionId != id))
                {
                    group.Permissions.Add(new ClinicGroupPermission { PermissionId = id });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "Created group {Group}")]
    private partial void LogGroupCreated(string group);
}
