using Microsoft.Extensions.Primitives;

namespace Clinic.Caching.Internal;

/// <summary>Reads a response's <c>Vary</c> header into the sorted, lower-cased, distinct list of request headers.</summary>
internal static class VaryHeader
{
    /// <summary>Returns <see langword="null"/> for <c>Vary: *</c> (never stored, CVE-2026-6907).</summary>
    public static string[]? Parse(StringValues headers)
    {
        if (StringValues.IsNullOrEmpty(headers))
        {
            return [];
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            foreach (var range in header.AsSpan().Split(','))
            {
                var name = header.AsSpan()[range].Trim();
                if (name.IsEmpty)
                {
                    continue;
                }

                if (name is "*")
                {
                    return null;
                }

                names.Add(name.ToString().ToLowerInvariant());
            }
        }

        return [.. names];
    }
}
