using System.Text.Json;

namespace Clinic.CookiesSessions;

/// <summary>
/// Django's module-level <c>signing.dumps</c> and <c>signing.loads</c>: JSON values signed with a
/// <see cref="TimestampSigner"/> and the salt <c>django.core.signing</c> unless another is given.
/// </summary>
/// <remarks>These helpers derive the HMAC key on every call; on a hot path keep a <see cref="TimestampSigner"/> instead.</remarks>
public static class Signing
{
    /// <summary>The salt Django's <c>dumps</c>/<c>loads</c> use by default: <c>django.core.signing</c>.</summary>
    public const string DefaultSalt = "django.core.signing";

    /// <summary>Returns a URL-safe, signed, timestamped JSON string (Django's <c>signing.dumps</c>).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value to serialize.</param>
    /// <param name="key">The secret key (Django's <c>SECRET_KEY</c>).</param>
    /// <param name="salt">The namespace; <see cref="DefaultSalt"/> by default.</param>
    /// <param name="compress">Compress with zlib when that is shorter (marked with a leading <c>.</c>).</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <returns>The signed string.</returns>
    public static string Dumps<T>(T value, string key, string salt = DefaultSalt, bool compress = false, TimeProvider? timeProvider = null) =>
        new TimestampSigner(key, salt, timeProvider: timeProvider).SignObject(value, compress);

    /// <summary>Verifies and decodes a string made by <see cref="Dumps"/> or Django's <c>signing.dumps</c>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="signedValue">The signed string.</param>
    /// <param name="key">The secret key.</param>
    /// <param name="salt">The namespace; <see cref="DefaultSalt"/> by default.</param>
    /// <param name="maxAge">The largest age accepted; none by default.</param>
    /// <param name="fallbackKeys">Older keys that still verify (Django's <c>SECRET_KEY_FALLBACKS</c>).</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <param name="options">JSON options.</param>
    /// <returns>The value.</returns>
    /// <exception cref="BadSignature">Invalid signature or payload; <see cref="SignatureExpired"/> when too old.</exception>
    public static T? Loads<T>(
        string signedValue,
        string key,
        string salt = DefaultSalt,
        TimeSpan? maxAge = null,
        IEnumerable<string>? fallbackKeys = null,
        TimeProvider? timeProvider = null,
        JsonSerializerOptions? options = null) =>
        new TimestampSigner(key, salt, fallbackKeys: fallbackKeys, timeProvider: timeProvider).UnsignObject<T>(signedValue, maxAge, options);
}
