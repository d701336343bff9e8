using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Clinic.Caching.Internal;

/// <summary>
/// The header values every stored response gets, remembered while they repeat: <c>Expires</c> changes once a second
/// and <c>Cache-Control</c> is usually <c>max-age=N</c> for one N, so most misses format neither.
/// </summary>
internal sealed class HeaderValueMemo
{
    private Remembered? _expires;
    private Remembered? _maxAge;

    public string Expires(DateTimeOffset expires)
    {
        var second = expires.ToUnixTimeSeconds();
        if (_expires is { } last && last.Number == second)
        {
            return last.Value;
        }

        var value = HeaderUtilities.FormatDate(DateTimeOffset.FromUnixTimeSeconds(second));
        _expires = new Remembered(second, value);
        return value;
    }

    /// <summary><see cref="CacheControl.WithMaxAge"/>, remembered for a response that had no <c>Cache-Control</c>.</summary>
    public string WithMaxAge(StringValues headers, int seconds)
    {
        if (!StringValues.IsNullOrEmpty(headers))
        {
            return CacheControl.WithMaxAge(headers, seconds);
        }

        if (_maxAge is { } last && last.Number == seconds)
        {
            return last.Value;
        }

        var value = "max-age=" + seconds.ToString(CultureInfo.InvariantCulture);
        _maxAge = new Remembered(seconds, value);
        return value;
    }

    private sealed record Remembered(long Number, string Value);
}
