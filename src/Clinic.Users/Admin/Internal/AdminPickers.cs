using Clinic.Users.Admin.Internal.Pages;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Admin.Internal;

/// <summary>Builds the two-list pickers of permissions and groups.</summary>
internal static class AdminPickers
{
    public const string PermissionFilter = "perm_q";

    /// <summary>Chosen permissions (all of them) and the available ones the actor may grant, narrowed by <paramref name="filter"/>.</summary>
    public static async Task<AdminPickerModel> PermissionsAsync(DbContext db, string name, IReadOnlyCollection<int> chosen, AdminRequest actor, string? filter, CancellationToken cancellationToken)
    {
        var all = await db.Set<ClinicPermission>().AsNoTracking().OrderBy(p => p.AppLabel).ThenBy(p => p.Codename).ToListAsync(cancellationToken);
        var chosenSet = chosen.ToHashSet();
        var term = filter?.Trim();
        var available = all
            .Where(p => !chosenSet.Contains(p.Id) && actor.Has(p.AppLabel + "." + p.Codename))
            .Where(p => string.IsNullOrEmpty(term) || Label(p).Contains(term, StringComparison.OrdinalIgnoreCase))
            .Select(p => new KeyValuePair<int, string>(p.Id, Label(p)))
            .ToList();
        var picked = all.Where(p => chosenSet.Contains(p.Id)).Select(p => new KeyValuePair<int, string>(p.Id, Label(p))).ToList();
        return new AdminPickerModel(name, name == "Permissions" ? "Permissions" : "User permissions", picked, available, PermissionFilter, filter, "admin-picker-filter");
    }

    public static async Task<AdminPickerModel> GroupsAsync(DbContext db, IReadOnlyCollection<int> chosen, AdminRequest actor, CancellationToken cancellationToken)
    {
        var all = await db.Set<ClinicGroup>().AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).Take(1000).ToListAsync(cancellationToken);
        var grantable = await AdminGrants.GrantableGroupIdsAsync(db, actor, cancellationToken);
        var chosenSet = chosen.ToHashSet();
        return new AdminPickerModel(
            "Groups",
            "Groups",
            [.. all.Where(g => chosenSet.Contains(g.Id)).Select(g => new KeyValuePair<int, string>(g.Id, g.Name))],
            [.. all.Where(g => !chosenSet.Contains(g.Id) && grantable.Contains(g.Id)).Select(g => new KeyValuePair<int, string>(g.Id, g.Name))],
            null,
            null,
            null);
    }

    /// <summary>Django's permission label: "app_label | name".</summary>
    public static string Label(ClinicPermission permission) => permission.AppLabel + " | " + permission.Name;
}
