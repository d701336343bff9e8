using Microsoft.AspNetCore.Authorization;

namespace Clinic.Users;

/// <summary>
/// Requires the signed-in user to hold every listed permission, on a controller, an action, a Razor page or (as
/// metadata) a minimal-API endpoint: <c>[RequirePermission("erp.view_patient")]</c>. No policy is registered per
/// permission: the attribute hands its requirement to ASP.NET Core's authorization directly. An anonymous user is
/// challenged (sign-in page), a signed-in user without the permission is forbidden (403).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequirePermissionAttribute : Attribute, IAuthorizationRequirementData
{
    private readonly PermissionRequirement _requirement;

    /// <summary>Creates the attribute.</summary>
    /// <param name="permissions">The permissions, each <c>"app_label.codename"</c>; at least one.</param>
    public RequirePermissionAttribute(params string[] permissions)
    {
        _requirement = new PermissionRequirement(permissions);
    }

    /// <summary>The permissions, all required.</summary>
    public IReadOnlyList<string> Permissions => _requirement.Permissions;

    /// <inheritdoc/>
    public IEnumerable<IAuthorizationRequirement> GetRequirements()
    {
        yield return _requirement;
    }
}
