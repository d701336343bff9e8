using System.Dynamic;

namespace Clinic.Users;

/// <summary>One app's permissions as seen through <see cref="Perms"/>: <c>perms.erp.view_patient</c>, and <c>perms.erp</c> as a condition.</summary>
public sealed class AppPerms : DynamicObject
{
    private readonly UserPermissions _permissions;
    private readonly string _appLabel;

    internal AppPerms(UserPermissions permissions, string appLabel)
    {
        _permissions = permissions;
        _appLabel = appLabel;
    }

    /// <summary>Whether the user holds <c>app_label.codename</c>.</summary>
    /// <param name="codename">The code name.</param>
    /// <returns>Whether the user holds it.</returns>
    public bool this[string codename] => _permissions.HasPerm(_appLabel + "." + codename);

    /// <summary>Whether the user holds any permission of the app.</summary>
    /// <param name="perms">The app's permissions.</param>
    public static implicit operator bool(AppPerms perms) => perms?.ToBoolean() ?? false;

    /// <summary>Whether the user holds any permission of the app.</summary>
    /// <returns>Whether the user holds any permission of the app.</returns>
    public bool ToBoolean() => _permissions.HasModulePerms(_appLabel);

    /// <inheritdoc/>
    public override bool TryGetMember(GetMemberBinder binder, out object? result)
    {
        ArgumentNullException.ThrowIfNull(binder);
        result = this[binder.Name];
        return true;
    }

    /// <inheritdoc/>
    public override bool TryConvert(ConvertBinder binder, out object? result)
    {
        ArgumentNullException.ThrowIfNull(binder);
        if (binder.Type == typeof(bool))
        {
            result = ToBoolean();
            return true;
        }

        result = null;
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => ToBoolean() ? "True" : "False";
}
