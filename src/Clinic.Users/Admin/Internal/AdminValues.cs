using System.Globalization;

namespace Clinic.Users.Admin.Internal;

/// <summary>Text ↔ value conversions of form fields and query strings (invariant culture, HTML input formats, UTC).</summary>
internal static class AdminValues
{
    /// <summary>Parses non-empty text into <paramref name="valueType"/> (never <see cref="Nullable{T}"/>); <see langword="false"/> with Django's message when it is not valid.</summary>
    public static bool TryParse(string raw, Type valueType, out object? value, out string error)
    {
        var text = raw.Trim();
        error = string.Empty;
        value = null;
        var inv = CultureInfo.InvariantCulture;
        bool ok;
        if (valueType == typeof(string))
        {
            value = raw;
            return true;
        }

        if (valueType == typeof(bool))
        {
            value = text is "true" or "on" or "1" or "True";
            return true;
        }

        if (valueType.IsEnum)
        {
            ok = Enum.GetNames(valueType).Contains(text, StringComparer.Ordinal);
            value = ok ? Enum.Parse(valueType, text) : null;
            error = $"Select a valid choice. {text} is not one of the available choices.";
            return ok;
        }

        (ok, value, error) = valueType switch
        {
            _ when valueType == typeof(int) => (int.TryParse(text, NumberStyles.Integer, inv, out var v), (object)v, "Enter a whole number."),
            _ when valueType == typeof(long) => (long.TryParse(text, NumberStyles.Integer, inv, out var v), v, "Enter a whole number."),
            _ when valueType == typeof(short) => (short.TryParse(text, NumberStyles.Integer, inv, out var v), v, "Enter a whole number."),
            _ when valueType == typeof(byte) => (byte.TryParse(text, NumberStyles.Integer, inv, out var v), v, "Enter a whole number."),
            _ when valueType == typeof(decimal) => (decimal.TryParse(text, NumberStyles.Number, inv, out var v), v, "Enter a number."),
            _ when valueType == typeof(double) => (double.TryParse(text, NumberStyles.Float, inv, out var v) && double.IsFinite(v), v, "Enter a number."),
            _ when valueType == typeof(float) => (float.TryParse(text, NumberStyles.Float, inv, out var v) && float.IsFinite(v), v, "Enter a number."),
            _ when valueType == typeof(DateOnly) => (DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var v), v, "Enter a valid date."),
            _ when valueType == typeof(TimeOnly) => (TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], inv, DateTimeStyles.None, out var v), v, "Enter a valid time."),
            _ when valueType == typeof(DateTime) => (DateTime.TryParseExact(text, DateTimeFormats, inv, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var v), v, "Enter a valid date/time."),
            _ when valueType == typeof(DateTimeOffset) => (DateTimeOffset.TryParseExact(text, DateTimeFormats, inv, DateTimeStyles.AssumeUniversal, out var v), v.ToUniversalTime(), "Enter a valid date/time."),
            _ when valueType == typeof(Guid) => (Guid.TryParse(text, out var v), v, "Enter a valid UUID."),
            _ => (false, null, "This value cannot be entered here."),
        };
        if (!ok)
        {
            value = null;
        }

        return ok;
    }

    /// <summary>The value as an HTML input expects it.</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The value as a person reads it in a list.</summary>
    public static string Display(object? value) => value switch
    {
        null => "-",
        bool b => b ? "Yes" : "No",
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC",
        _ => Format(value),
    };

    private static readonly string[] DateTimeFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];
}
