using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Clinic.CookiesSessions.Internal;

/// <summary>Writes <c>Set-Cookie</c> headers with Django's Expires/Max-Age rules and the safe defaults.</summary>
internal static class CookieWriter
{
    private const string HostPrefix = "__Host-";
    private const string SecurePrefix = "__Secure-";

    public static void Write(
        HttpResponse response, string name, string value, CookieSettings? settings, ClinicCookieOptions options, TimeProvider time)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(value);
        if (response.HasStarted)
        {
            throw new InvalidOperationException($"The cookie '{name}' cannot be set: the response headers were already sent.");
        }

        var encoded = NeedsEncoding(value) ? Uri.EscapeDataString(value) : value;
        var size = Encoding.UTF8.GetByteCount(name) + 1 + encoded.Length;
        if (size > options.MaxCookieSize)
        {
            throw new CookieTooLargeException(string.Create(
                CultureInfo.InvariantCulture,
                $"The cookie '{name}' would be {size} bytes (name and value), over the limit of {options.MaxCookieSize}; browsers silently drop such cookies. Store less in it, or keep the data on the server (a session store)."));
        }

        var path = settings?.Path ?? options.Path;
        var domain = settings?.Domain ?? options.Domain;
        var sameSite = settings?.SameSite ?? options.SameSite;
        var secure = settings?.Secure ?? options.SecurePolicy switch
        {
            CookieSecurePolicy.Always => true,
            CookieSecurePolicy.None => false,
            _ => response.HttpContext.Request.IsHttps,
        };

        if (name.StartsWith(HostPrefix, StringComparison.Ordinal))
        {
            if (domain is not null || path != "/")
            {
                throw new ArgumentException(
                    $"The cookie '{name}' has the __Host- prefix, so it must have Path=/ and no Domain.", nameof(settings));
            }

            secure = true;
        }
        else if (name.StartsWith(SecurePrefix, StringComparison.Ordinal) || sameSite == Microsoft.AspNetCore.Http.SameSiteMode.None)
        {
            // Browsers refuse these cookies without Secure.
            secure = true;
        }

        var header = new SetCookieHeaderValue(name, encoded)
        {
            Path = path,
            Domain = domain,
            Secure = secure,
            HttpOnly = settings?.HttpOnly ?? options.HttpOnly,
            SameSite = (Microsoft.Net.Http.Headers.SameSiteMode)(int)sameSite,
        };

        var now = time.GetUtcNow();
        if (settings?.Expires is { } expires)
        {
            header.Expires = expires;
            header.MaxAge = TimeSpan.FromSeconds(Math.Max(0, Math.Ceiling((expires - now).TotalSeconds)));
        }
        else if (settings?.MaxAge is { } maxAge)
        {
            var seconds = Math.Max(0, (long)maxAge.TotalSeconds);
            header.MaxAge = TimeSpan.FromSeconds(seconds);
            header.Expires = now.AddSeconds(seconds);
        }

        RemoveEarlier(response, name);
        response.Headers.Append(HeaderNames.SetCookie, header.ToString());
    }

    public static void Delete(HttpResponse response, string name, CookieSettings? settings, ClinicCookieOptions options, TimeProvider time)
    {
        var deletion = new CookieSettings
        {
            Path = settings?.Path,
            Domain = settings?.Domain,
            Secure = settings?.Secure,
            HttpOnly = settings?.HttpOnly,
            SameSite = settings?.SameSite,
            Expires = DateTimeOffset.UnixEpoch,
        };
        Write(response, name, string.Empty, deletion, options, time);
    }

    internal static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var c in name)
        {
            // RFC 6265 cookie-name = token (RFC 7230): visible ASCII except separators.
            if (c <= 0x20 || c >= 0x7F || "()<>@,;:\\\"/[]?={}".Contains(c, StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{name}' is not a valid cookie name: use letters, digits and !#$%&'*+-.^_`|~ only.", nameof(name));
            }
        }
    }

    private static bool NeedsEncoding(string value)
    {
        foreach (var c in value)
        {
            // RFC 6265 cookie-octet, minus '%' so that ASP.NET Core's decoding on the way back is the identity.
            var octet = c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
                        (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
            if (!octet || c == '%')
            {
                return true;
            }
        }

        return false;
    }

    private static void RemoveEarlier(HttpResponse response, string name)
    {
        var existing = response.Headers.SetCookie;
        if (existing.Count == 0)
        {
            return;
        }

        var prefix = name + "=";
        var kept = existing.Where(v => v is not null && !v.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        if (kept.Length != existing.Count)
        {
            response.Headers.SetCookie = new StringValues(kept);
        }
    }
}
