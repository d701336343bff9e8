using System.Security.Claims;

namespace Clinic.Users;

/// <summary>
/// Loads the permissions of a signed-in user once per request (one database query, kept in this scoped service), so
/// any number of checks in the request cost no further query and a change is seen on the user's next request.
/// </summary>
public interface IPermissionService
{
    /// <summary>The permissions of <paramref name="user"/>; <see cref="UserPermissions.Anonymous"/> when not signed in or unknown.</summary>
    /// <param name="user">The principal, usually <c>HttpContext.User</c>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The permissions.</returns>
    ValueTask<UserPermissions> GetPermissionsAsync(ClaimsPrincipal? user, CancellationToken cancellationToken = default);

    /// <summary>The same, loading synchronously if not yet loaded in this request (for synchronous Razor code).</summary>
    /// <param name="user">The principal.</param>
    /// <returns>The permissions.</returns>
    UserPermissions GetPermissions(ClaimsPrincipal? user);

    /// <summary>Whether <paramref name="user"/> holds <paramref name="permission"/> (<c>"app_label.codename"</c>); malformed strings give <see langword="false"/>.</summary>
    /// <param name="user">The principal.</param>
    /// <param name="permission">The permission.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>Whether the user holds it.</returns>
    ValueTask<bool> HasPermAsync(ClaimsPrincipal? user, string? permission, CancellationToken cancellationToken = default);
}
