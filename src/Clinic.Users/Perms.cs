using System.Dynamic;
using Microsoft.AspNetCore.Http;

namespace Clinic.Users;

/// <summary>
/// The signed-in user's permissions for Razor, read like Django's <c>perms</c> template variable. Inject it
/// (<c>@inject Clinic.Users.Perms Perms</c>) and write <c>Perms["erp.view_patient"]</c> or <c>Perms["erp"]</c>
/// (any permission of the app), or, after <c>@{ dynamic perms = Perms; }</c>, <c>perms.erp.view_patient</c> and
/// <c>perms.erp</c>. Loaded once per request.
/// </summary>
public sealed class Perms : DynamicObject
{
    private readonly IPermissionService _service;
    private readonly IHttpContextAccessor _http;

    /// <summary>Created by dependency injection (scoped).</summary>
    /// <param name="service">The request's permission service.</param>
    /// <param name="http">The HTTP context accessor.</param>
    public Perms(IPermissionService service, IHttpContextAccessor http)
    {
        _service = service;
        _http = http;
    }

    /// <summary>With a dot, whether the user holds that permission; without, whether they hold any permission of that app.</summary>
    /// <param name="permissionOrAppLabel"><c>"erp.view_patient"</c> or <c>"erp"</c>.</param>
    /// <returns>Whether the user holds it.</returns>
    public bool this[string permissionOrAppLabel]
    {
        get
        {
            var permissions = Current;
            return permissionOrAppLabel is not null && permissionOrAppLabel.Contains('.', StringComparison.Ordinal)
                ? permissions.HasPerm(permissionOrAppLabel)
                : permissions.HasModulePerms(permissionOrAppLabel);
        }
    }

    private UserPermissions Current => _service.GetPermissions(_http.HttpContext?.User);

    /// <inheritdoc/>
    public override bool TryGetMember(GetMemberBinder binder, out object? result)
    {
        ArgumentNullException.ThrowIfNull(binder);
        result = new AppPerms(Current, binder.Name);
        return true;
    }
}
