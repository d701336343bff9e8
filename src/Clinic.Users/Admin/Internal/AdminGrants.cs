using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Admin.Internal;

/// <summary>
/// PERM-04: who may grant what. A superuser grants anything; anyone else only permissions they hold themselves, and
/// groups whose every permission they hold.
/// </summary>
internal static class AdminGrants
{
    public static async Task<HashSet<int>> GrantablePermissionIdsAsync(DbContext db, AdminRequest actor, CancellationToken cancellationToken)
    {
        var all = await db.Set<ClinicPermission>().AsNoTracking().Select(p => new { p.Id, p.AppLabel, p.Codename }).ToListAsync(cancellationToken);
        return [.. all.Where(p => actor.Has(p.AppLabel + "." + p.Codename)).Select(p => p.Id)];
    }

    public static async Task<HashSet<int>> GrantableGroupIdsAsync(DbContext db, AdminRequest actor, CancellationToken cancellationToken)
    {
        var groups = await db.Set<ClinicGroup>().AsNoTracking()
            .Select(g => new { g.Id, Permissions = g.Permissions.Select(p => p.Permission!.AppLabel + "." + p.Permission.Codename).ToList() })
            .ToListAsync(cancellationToken);
        return [.. groups.Where(g => actor.IsSuperuser || g.Permissions.All(actor.Has)).Select(g => g.Id)];
    }
}
