using System.Collections.Frozen;
using Clinic.Users.Internal;

namespace Clinic.Users;

/// <summary>
/// One user's permissions as loaded for the current request, with Django's rules: an inactive (or anonymous) user
/// has none; an active superuser has every permission; anyone else has the union of their own permissions and their
/// groups' permissions, compared exactly (ordinal, case-sensitive). Get it from <see cref="IPermissionService"/>.
/// </summary>
public sealed class UserPermissions
{
    private readonly FrozenSet<string> _all;
    private readonly FrozenSet<string> _modules;

    internal UserPermissions(string? userId, bool isActive, bool isSuperuser, FrozenSet<string> user, FrozenSet<string> group, FrozenSet<string> all)
    {
        UserId = userId;
        IsActive = isActive;
        IsSuperuser = isSuperuser;
        if (!isActive)
        {
            user = group = all = FrozenSet<string>.Empty;
        }

        UserPermissionSet = user;
        GroupPermissionSet = group;
        _all = all;
        _modules = all.Select(PermissionName.AppLabelOf).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The permissions of an anonymous user: none.</summary>
    public static UserPermissions Anonymous { get; } = new(null, false, false, FrozenSet<string>.Empty, FrozenSet<string>.Empty, FrozenSet<string>.Empty);

    /// <summary>The user's id; <see langword="null"/> for an anonymous user.</summary>
    public string? UserId { get; }

    /// <summary>Whether the user is active (an anonymous user is not).</summary>
    public bool IsActive { get; }

    /// <summary>Whether the user is a superuser (whatever <see cref="IsActive"/> says).</summary>
    public bool IsSuperuser { get; }

    /// <summary>The permissions granted to the user directly (Django's <c>get_user_permissions</c>); every permission for an active superuser, none when inactive.</summary>
    public IReadOnlySet<string> UserPermissionSet { get; }

    /// <summary>The permissions the user holds through groups (Django's <c>get_group_permissions</c>); every permission for an active superuser, none when inactive.</summary>
    public IReadOnlySet<string> GroupPermissionSet { get; }

    /// <summary>The union of <see cref="UserPermissionSet"/> and <see cref="GroupPermissionSet"/> (Django's <c>get_all_permissions</c>).</summary>
    public IReadOnlySet<string> AllPermissionSet => _all;

    /// <summary>
    /// Whether the user holds <paramref name="permission"/>, written <c>"app_label.codename"</c>. A malformed string
    /// (null, empty, no dot, more than one dot, an empty side) gives <see langword="false"/>, even for a superuser.
    /// </summary>
    /// <param name="permission">The permission, such as <c>"erp.view_patient"</c>.</param>
    /// <returns>Whether the user holds it.</returns>
    public bool HasPerm(string? permission)
    {
        if (!IsActive || permission is null)
        {
            return false;
        }

        return IsSuperuser ? PermissionName.IsWellFormed(permission) : _all.Contains(permission);
    }

    /// <summary>Whether the user holds every permission in the list (an empty list gives <see langword="true"/>, as in Django).</summary>
    /// <param name="permissions">The permissions.</param>
    /// <returns>Whether the user holds all of them.</returns>
    public bool HasPerms(IEnumerable<string?> permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        foreach (var permission in permissions)
        {
            if (!HasPerm(permission))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the user holds any permission of the app (Django's <c>has_module_perms</c>); an active superuser holds them all.</summary>
    /// <param name="appLabel">The app label, such as <c>"erp"</c>.</param>
    /// <returns>Whether the user holds a permission with that app label.</returns>
    public bool HasModulePerms(string? appLabel)
    {
        if (!IsActive || string.IsNullOrEmpty(appLabel))
        {
            return false;
        }

        return IsSuperuser || _modules.Contains(appLabel);
    }
}
