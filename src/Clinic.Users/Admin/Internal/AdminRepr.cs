using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clinic.Users.Admin.Internal;

/// <summary>An object's text (Django's <c>str(obj)</c>): its own <c>ToString</c>, else "Verbose name object (key)".</summary>
internal static class AdminRepr
{
    public static string Of(object entity, IEntityType entityType)
    {
        var type = entity.GetType();
        var toString = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        if (toString is not null && toString.DeclaringType != typeof(object))
        {
            var text = entity.ToString();
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        var key = entityType.FindPrimaryKey();
        var keyText = key is null ? string.Empty : string.Join(", ", key.Properties.Select(p => AdminValues.Format(p.PropertyInfo?.GetValue(entity))));
        return $"{AdminNames.CapFirst(AdminNames.VerboseName(entityType.ClrType))} object ({keyText})";
    }

    public static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
