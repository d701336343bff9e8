namespace Clinic.Users.Internal;

/// <summary>Parsing of <c>"app_label.codename"</c> strings.</summary>
internal static class PermissionName
{
    /// <summary>Well formed: exactly one dot with a non-empty part on each side.</summary>
    public static bool IsWellFormed(string? permission)
    {
        if (string.IsNullOrEmpty(permission))
        {
            return false;
        }

        var dot = permission.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < permission.Length - 1 && permission.IndexOf('.', dot + 1) < 0;
    }

    public static string AppLabelOf(string permission) => permission[..permission.IndexOf('.', StringComparison.Ordinal)];
}
