using Microsoft.AspNetCore.Authorization;

namespace Clinic.Users.Internal;

/// <summary>Meets a <see cref="PermissionRequirement"/> when the user holds all its permissions.</summary>
internal sealed class PermissionAuthorizationHandler : AuthorizationHandler<PermissionRequirement>
{
    private readonly IPermissionService _permissions;

    public PermissionAuthorizationHandler(IPermissionService permissions)
    {
        _permissions = permissions;
    }

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var permissions = await _permissions.GetPermissionsAsync(context.User);
        foreach (var permission in requirement.Permissions)
        {
            if (!permissions.HasPerm(permission))
            {
                return;
            }
        }

        context.Succeed(requirement);
    }
}
