using System.Text.Json;

namespace Clinic.CookiesSessions;

/// <summary>
/// Reads Django's session payloads given the Django secret key, so a migrating application keeps its users' sessions:
/// the <c>session_data</c> column of the database/cache/file backends and the cookie of the signed-cookie backend.
/// </summary>
public static class DjangoSessions
{
    /// <summary>The salt of Django's database, cache and file backends (<c>django.contrib.sessions.SessionStore</c>).</summary>
    public const string StoreSalt = "django.contrib.sessions.SessionStore";

    /// <summary>The salt of Django's signed-cookie backend.</summary>
    public const string SignedCookieSalt = "django.contrib.sessions.backends.signed_cookies";

    /// <summary>Decodes a <c>session_data</c> value (Django 3.1+ format: <c>signing.dumps(..., compress=True)</c>).</summary>
    /// <param name="sessionData">The stored value.</param>
    /// <param name="secretKey">Django's <c>SECRET_KEY</c>.</param>
    /// <param name="fallbackKeys">Django's <c>SECRET_KEY_FALLBACKS</c>, if any.</param>
    /// <returns>The session dictionary.</returns>
    /// <exception cref="BadSignature">The value was not signed with these keys or is corrupt.</exception>
    public static IReadOnlyDictionary<string, JsonElement> DecodeStoredSession(string sessionData, string secretKey, IEnumerable<string>? fallbackKeys = null) =>
        new TimestampSigner(secretKey, StoreSalt, fallbackKeys: fallbackKeys, acceptLegacySha1: true)
            .UnsignObject<Dictionary<string, JsonElement>>(sessionData, maxAge: null) ?? [];

    /// <summary>Decodes the cookie of Django's signed-cookie session backend, refusing it when older than <paramref name="maxAge"/>.</summary>
    /// <param name="cookieValue">The <c>sessionid</c> cookie.</param>
    /// <param name="secretKey">Django's <c>SECRET_KEY</c>.</param>
    /// <param name="maxAge">Django's <c>SESSION_COOKIE_AGE</c> (two weeks by default).</param>
    /// <param name="fallbackKeys">Django's <c>SECRET_KEY_FALLBACKS</c>, if any.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <returns>The session dictionary.</returns>
    /// <exception cref="BadSignature">Invalid, tampered or expired (<see cref="SignatureExpired"/>).</exception>
    public static IReadOnlyDictionary<string, JsonElement> DecodeSignedCookieSession(
        string cookieValue, string secretKey, TimeSpan maxAge, IEnumerable<string>? fallbackKeys = null, TimeProvider? timeProvider = null) =>
        new TimestampSigner(secretKey, SignedCookieSalt, fallbackKeys: fallbackKeys, acceptLegacySha1: true, timeProvider: timeProvider)
            .UnsignObject<Dictionary<string, JsonElement>>(cookieValue, maxAge) ?? [];
}
