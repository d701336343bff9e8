using System.Text.RegularExpressions;

namespace Clinic.Users.Internal;

/// <summary>Django's naming of models: <c>model_name</c> and the default <c>verbose_name</c>.</summary>
internal static partial class ModelNames
{
    /// <summary>The lower-cased class name without a generic arity suffix ("DoctorVisit" → "doctorvisit").</summary>
    public static string ModelName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return (tick < 0 ? name : name[..tick]).ToLowerInvariant();
    }

    /// <summary>Splits camel case into lower-case words ("DoctorVisit" → "doctor visit", "HTTPRequest" → "http request").</summary>
    public static string VerboseName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        name = tick < 0 ? name : name[..tick];
        return CamelCase().Replace(name, " $1").Trim().ToLowerInvariant();
    }

    [GeneratedRegex("(((?<=[a-z])[A-Z])|([A-Z](?![A-Z]|$)))", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CamelCase();
}
