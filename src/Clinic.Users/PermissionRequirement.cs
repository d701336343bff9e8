using Microsoft.AspNetCore.Authorization;

namespace Clinic.Users;

/// <summary>An authorization requirement met when the user holds every listed permission (checked through <see cref="IPermissionService"/>).</summary>
public sealed class PermissionRequirement : IAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="permissions">The permissions, each <c>"app_label.codename"</c>; at least one.</param>
    public PermissionRequirement(params string[] permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        if (permissions.Length == 0)
        {
            throw new ArgumentException("Name at least one permission, such as \"erp.view_patient\".", nameof(permissions));
        }

        Permissions = [.. permissions];
    }

    /// <summary>The permissions, all required.</summary>
    public IReadOnlyList<string> Permissions { get; }

    /// <inheritdoc/>
    public override string ToString() => "Permission: " + string.Join(", ", Permissions);
}
