using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Clinic.Users.Internal;

namespace Clinic.Users.Admin.Internal;

/// <summary>Labels and names as Django derives them, consistent with the permissions Clinic.Users creates.</summary>
internal static class AdminNames
{
    /// <summary>The app label of an entity, by the same rules as the start-up permission creation.</summary>
    public static string AppLabel(Type type, Type contextType, ClinicUsersOptions options)
    {
        if (options.AppLabels.TryGetValue(type, out var configured))
        {
            return configured;
        }

        var meta = type.GetCustomAttribute<ModelPermissionsAttribute>(inherit: false);
        if (!string.IsNullOrWhiteSpace(meta?.AppLabel))
        {
            return meta.AppLabel;
        }

        if (type == typeof(ClinicGroup) || type == typeof(ClinicPermission))
        {
            return ClinicUsersDefaults.AuthAppLabel;
        }

        return string.IsNullOrWhiteSpace(options.DefaultAppLabel) ? PermissionCatalog.LabelFromAssembly(contextType) : options.DefaultAppLabel;
    }

    public static string ModelName(Type type) =>
        type == typeof(ClinicGroup) ? "group" : type == typeof(ClinicPermission) ? "permission" : ModelNames.ModelName(type);

    public static string VerboseName(Type type)
    {
        if (type == typeof(ClinicGroup) || type == typeof(ClinicPermission))
        {
            return ModelName(type);
        }

        var meta = type.GetCustomAttribute<ModelPermissionsAttribute>(inherit: false);
        return !string.IsNullOrWhiteSpace(meta?.VerboseName) ? meta.VerboseName : ModelNames.VerboseName(type);
    }

    /// <summary>Django's default plural: the verbose name plus "s".</summary>
    public static string Plural(string verboseName) => verboseName + "s";

    /// <summary>A property's label: <see cref="DisplayAttribute.Name"/>, else its name in words with a capital first letter ("DateOfBirth" → "Date of birth").</summary>
    public static string Label(PropertyInfo property)
    {
        var display = property.GetCustomAttribute<DisplayAttribute>()?.GetName();
        if (!string.IsNullOrWhiteSpace(display))
        {
            return display;
        }

        var words = ModelNames.VerboseName(new NamedType(property.Name));
        return CapFirst(words);
    }

    public static string CapFirst(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    /// <summary>A stand-in whose <see cref="MemberInfo.Name"/> is any text, to reuse the class-name splitting.</summary>
    private sealed class NamedType(string name) : TypeDelegator(typeof(object))
    {
        public override string Name => name;
    }
}
