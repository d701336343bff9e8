using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clinic.Users.Internal;

/// <summary>Works out the permissions an EF Core model should have (Django's <c>create_permissions</c>).</summary>
internal static class PermissionCatalog
{
    private static readonly string[] DefaultActions = ["add", "change", "delete", "view"];

    public static List<ClinicPermission> Expected(IModel model, Type contextType, ClinicUsersOptions options)
    {
        var defaultLabel = string.IsNullOrWhiteSpace(options.DefaultAppLabel) ? LabelFromAssembly(contextType) : options.DefaultAppLabel!;
        var result = new List<ClinicPermission>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            var type = entity.ClrType;
            if (entity.IsOwned() || entity.HasSharedClrType || type == typeof(Dictionary<string, object>) || IsJoinOrIdentityInternal(type))
            {
                continue;
            }

            var meta = type.GetCustomAttribute<ModelPermissionsAttribute>(inherit: false);
            var label = options.AppLabels.TryGetValue(type, out var configured) ? configured
                : !string.IsNullOrWhiteSpace(meta?.AppLabel) ? meta!.AppLabel!
                : type == typeof(ClinicGroup) || type == typeof(ClinicPermission) ? ClinicUsersDefaults.AuthAppLabel
                : defaultLabel;
            var djangoName = type == typeof(ClinicGroup) ? "group" : type == typeof(ClinicPermission) ? "permission" : null;
            var verbose = !string.IsNullOrWhiteSpace(meta?.VerboseName) ? meta!.VerboseName! : djangoName ?? ModelNames.VerboseName(type);
            var modelName = djangoName ?? ModelNames.ModelName(type);

            if (meta?.DefaultPermissions ?? true)
            {
                foreach (var action in DefaultActions)
                {
                    Add(label, action + "_" + modelName, $"Can {action} {verbose}");
                }
            }

            foreach (var custom in type.GetCustomAttributes<CustomPermissionAttribute>(inherit: false))
            {
                Add(label, custom.Codename, custom.Name);
            }
        }

        return result;

        void Add(string label, string codename, string name)
        {
            if (seen.Add(label + "." + codename))
            {
                result.Add(new ClinicPermission
                {
                    AppLabel = Truncate(label, 100),
                    Codename = Truncate(codename, 100),
                    Name = Truncate(name, 255),
                });
            }
        }
    }

    public static string LabelFromAssembly(Type contextType)
    {
        var name = contextType.Assembly.GetName().Name ?? "app";
        var dot = name.LastIndexOf('.');
        return (dot < 0 ? name : name[(dot + 1)..]).ToLowerInvariant();
    }

    private static bool IsJoinOrIdentityInternal(Type type) =>
        type == typeof(ClinicGroupPermission) || type == typeof(ClinicUserGroup) || type == typeof(ClinicUserPermission) ||
        type.Assembly == typeof(IdentityUserClaim<>).Assembly;

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
