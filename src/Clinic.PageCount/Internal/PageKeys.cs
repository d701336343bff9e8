using System.Globalization;

namespace Clinic.PageCount.Internal;

/// <summary>The one spelling of a page key: lower-case (invariant), starting with '/'.</summary>
internal static class PageKeys
{
    public static string Normalize(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var trimmed = page.Trim();
        if (trimmed.Length == 0)
        {
            return "/";
        }

        var lower = trimmed.ToLower(CultureInfo.InvariantCulture);
        return lower[0] == '/' ? lower : "/" + lower;
    }
}
