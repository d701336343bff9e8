namespace Clinic.Users.Admin.Internal;

/// <summary>Scoped: the signed-in staff member of this admin request, filled by <see cref="AdminAccessFilter"/>.</summary>
internal sealed class AdminRequest
{
    public string UserId { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public bool IsSuperuser => Permissions.IsSuperuser;

    public UserPermissions Permissions { get; private set; } = UserPermissions.Anonymous;

    /// <summary>The admin's URL prefix with the app's path base, such as <c>"/admin"</c>.</summary>
    public string Prefix { get; private set; } = "/admin";

    public bool Has(string permission) => Permissions.HasPerm(permission);

    public void SetPrefix(string prefix) => Prefix = prefix;

    public void Set(string userId, string email, UserPermissions permissions)
    {
        UserId = userId;
        Email = email;
        Permissions = permissions;
    }
}
