using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Clinic.Caching.Internal;

/// <summary>
/// The response <c>Cache-Control</c> directives the cache acts on. Directive names compare case-insensitively
/// (CVE-2026-8404); a <c>max-age</c> that is not a whole number counts as absent, as in Django's <c>get_max_age</c>.
/// </summary>
internal readonly record struct CacheControl(bool Private, bool NoStore, bool NoCache, int? MaxAge)
{
    public static CacheControl Parse(StringValues headers)
    {
        bool isPrivate = false, noStore = false, noCache = false;
        int? maxAge = null;
        foreach (var header in headers)
        {
            foreach (var range in header.AsSpan().Split(','))
            {
                var part = header.AsSpan()[range].Trim();
                var equals = part.IndexOf('=');
                var name = (equals < 0 ? part : part[..equals]).Trim();
                if (name.Equals("private", StringComparison.OrdinalIgnoreCase))
                {
                    isPrivate = true;
                }
                else if (name.Equals("no-store", StringComparison.OrdinalIgnoreCase))
                {
                    noStore = true;
                }
                else if (name.Equals("no-cache", StringComparison.OrdinalIgnoreCase))
                {
                    noCache = true;
                }
                else if (name.Equals("max-age", StringComparison.OrdinalIgnoreCase) && equals >= 0)
                {
                    var value = part[(equals + 1)..].Trim().Trim('"');
                    maxAge = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
                }
            }
        }

        return new CacheControl(isPrivate, noStore, noCache, maxAge);
    }

    /// <summary>
    /// Django's <c>patch_cache_control(max_age=...)</c>: keeps the other directives and sets <c>max-age</c> to the
    /// smaller of the existing value and <paramref name="seconds"/>.
    /// </summary>
    public static string WithMaxAge(StringValues headers, int seconds)
    {
        var parts = new List<string>();
        foreach (var header in headers)
        {
            if (header is null)
            {
                continue;
            }

            foreach (var range in header.AsSpan().Split(','))
            {
                var part = header.AsSpan()[range].Trim();
                if (part.IsEmpty)
                {
                    continue;
                }

                var equals = part.IndexOf('=');
                var name = (equals < 0 ? part : part[..equals]).Trim();
                if (name.Equals("max-age", StringComparison.OrdinalIgnoreCase))
                {
                    if (equals >= 0 && int.TryParse(part[(equals + 1)..].Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var existing))
                    {
                        seconds = Math.Min(seconds, existing);
                    }

                    continue;
                }

                parts.Add(part.ToString());
            }
        }

        parts.Add("max-age=" + seconds.ToString(CultureInfo.InvariantCulture));
        return string.Join(", ", parts);
    }
}
