using System.Globalization;
using System.Text.Json;
using Clinic.CookiesSessions.Internal;

namespace Clinic.CookiesSessions;

/// <summary>
/// Django's <c>django.core.signing.TimestampSigner</c>: signs <c>value + separator + base62(unix seconds)</c>, so a
/// reader can refuse values older than a maximum age (<see cref="SignatureExpired"/>).
/// </summary>
/// <remarks>
/// Unlike Django, when a maximum age is given a timestamp more than <see cref="MaxClockSkew"/> in the future is
/// refused too (<see cref="BadSignature"/>): a value signed by a server whose clock runs ahead must not outlive its age.
/// Timestamps that are negative, not base 62, or too large for 64 bits are <see cref="BadSignature"/>.
/// </remarks>
public sealed class TimestampSigner : Signer
{
    /// <summary>How far in the future a timestamp may be when a maximum age is checked: 5 minutes.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a timestamp signer.</summary>
    /// <param name="key">The secret key (Django's <c>SECRET_KEY</c>). Must not be empty.</param>
    /// <param name="salt">Empty or <see langword="null"/> means Django's default, <c>django.core.signing.TimestampSigner</c>.</param>
    /// <param name="separator">Between the parts; <c>:</c> by default.</param>
    /// <param name="algorithm">The hash; SHA-256 by default.</param>
    /// <param name="fallbackKeys">Older keys that verify but never sign.</param>
    /// <param name="acceptLegacySha1">Also accept HMAC-SHA1 signatures; <see langword="false"/> by default.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> by default.</param>
    public TimestampSigner(
        string key,
        string? salt = null,
        string separator = DefaultSeparator,
        SigningAlgorithm algorithm = SigningAlgorithm.Sha256,
        IEnumerable<string>? fallbackKeys = null,
        bool acceptLegacySha1 = false,
        TimeProvider? timeProvider = null)
        : base(key, salt, separator, algorithm, fallbackKeys, acceptLegacySha1, "django.core.signing.TimestampSigner")
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The current time as Django writes it: whole Unix seconds in base 62.</summary>
    /// <returns>The timestamp.</returns>
    public string Timestamp() => DjangoBase62.Encode(_timeProvider.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>Returns <c>value + separator + timestamp + separator + signature</c>.</summary>
    /// <param name="value">The text to sign.</param>
    /// <returns>The signed value.</returns>
    public override string Sign(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Span<char> suffix = stackalloc char[Separator.Length + DjangoBase62.MaxLength];
        Separator.AsSpan().CopyTo(suffix);
        var length = DjangoBase62.Encode(_timeProvider.GetUtcNow().ToUnixTimeSeconds(), suffix[Separator.Length..]);
        return SignCore(value, suffix[..(Separator.Length + length)]);
    }

    /// <summary>Verifies the signature without an age limit and returns the value.</summary>
    /// <param name="signedValue">The signed value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="BadSignature">The signature or the timestamp is invalid.</exception>
    public override string Unsign(string signedValue) => Unsign(signedValue, maxAge: null);

    /// <summary>Verifies the signature and that the value is at most <paramref name="maxAge"/> old.</summary>
    /// <param name="signedValue">The signed value.</param>
    /// <param name="maxAge">The largest age accepted (an age equal to it is valid); <see langword="null"/> for none.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SignatureExpired">The signature is valid but older than <paramref name="maxAge"/>.</exception>
    /// <exception cref="BadSignature">The signature or the timestamp is invalid.</exception>
    public string Unsign(string signedValue, TimeSpan? maxAge)
    {
        var signed = Verify(signedValue);
        var index = signed.LastIndexOf(Separator.AsSpan(), StringComparison.Ordinal);
        if (index < 0)
        {
            throw new BadSignature("The signed value has no timestamp.");
        }

        if (!DjangoBase62.TryDecode(signed[(index + Separator.Length)..], out var timestamp) ||
            timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new BadSignature("The timestamp is not a valid base 62 number.");
        }

        if (maxAge is { } limit)
        {
            var age = _timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(timestamp);
            if (age > limit)
            {
                throw new SignatureExpired(string.Create(
                    CultureInfo.InvariantCulture, $"Signature age {age.TotalSeconds} > {limit.TotalSeconds} seconds."));
            }

            if (-age > MaxClockSkew)
            {
                throw new BadSignature("The timestamp is in the future.");
            }
        }

        return signed[..index].ToString();
    }

    /// <summary>Verifies (with an optional maximum age) and deserializes a payload made by <c>SignObject</c> or Django.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="signedObject">The signed payload.</param>
    /// <param name="maxAge">The largest age accepted; <see langword="null"/> for none.</param>
    /// <param name="options">JSON options.</param>
    /// <returns>The value.</returns>
    /// <exception cref="BadSignature">The signature, timestamp or payload is invalid (<see cref="SignatureExpired"/> when too old).</exception>
    public T? UnsignObject<T>(string signedObject, TimeSpan? maxAge, JsonSerializerOptions? options = null) =>
        DjangoJson.Decode<T>(Unsign(signedObject, maxAge), options);
}
