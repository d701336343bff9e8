using System.Buffers;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clinic.CookiesSessions.Internal;

namespace Clinic.CookiesSessions;

/// <summary>
/// Django's <c>django.core.signing.Signer</c>, format for format: <c>value + separator + signature</c>, where the
/// signature is the URL-safe base64 (no padding) of <c>HMAC(hash(salt + "signer" + key), value)</c>.
/// A value signed here verifies in Django given the same key and salt, and the other way round.
/// </summary>
/// <remarks>
/// The HMAC keys are derived once, in the constructor: keep one instance per (key, salt) and reuse it; instances are
/// immutable and thread-safe. Signatures are compared with <see cref="CryptographicOperations.FixedTimeEquals"/>.
/// </remarks>
public class Signer
{
    /// <summary>Django's default separator.</summary>
    public const string DefaultSeparator = ":";

    private const int StackLimit = 256;

    private readonly DerivedKey[] _verificationKeys;
    private readonly DerivedKey _signingKey;

    /// <summary>Creates a signer.</summary>
    /// <param name="key">The secret key (Django's <c>SECRET_KEY</c>); UTF-8 encoded. Must not be empty.</param>
    /// <param name="salt">
    /// Namespaces the signature. Empty or <see langword="null"/> means Django's default for the class,
    /// <c>django.core.signing.Signer</c>.
    /// </param>
    /// <param name="separator">Between value and signature; <c>:</c> by default. It may not be empty or consist only of <c>A-z0-9-_=</c>.</param>
    /// <param name="algorithm">The hash; <see cref="SigningAlgorithm.Sha256"/> by default, like Django 3.1 and later.</param>
    /// <param name="fallbackKeys">
    /// Older keys that still verify but never sign, like Django's <c>SECRET_KEY_FALLBACKS</c>. None by default.
    /// </param>
    /// <param name="acceptLegacySha1">
    /// Also accept HMAC-SHA1 signatures (Django 3.0 and older, and Django 3.2's legacy check). <see langword="false"/> by default.
    /// </param>
    public Signer(
        string key,
        string? salt = null,
        string separator = DefaultSeparator,
        SigningAlgorithm algorithm = SigningAlgorithm.Sha256,
        IEnumerable<string>? fallbackKeys = null,
        bool acceptLegacySha1 = false)
        : this(key, salt, separator, algorithm, fallbackKeys, acceptLegacySha1, "django.core.signing.Signer")
    {
    }

    private protected Signer(
        string key,
        string? salt,
        string separator,
        SigningAlgorithm algorithm,
        IEnumerable<string>? fallbackKeys,
        bool acceptLegacySha1,
        string defaultSalt)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(separator);
        if (IsUnsafeSeparator(separator))
        {
            throw new ArgumentException(
                $"Unsafe signer separator '{separator}': it cannot be empty or consist only of A-z0-9-_=.", nameof(separator));
        }

        _ = DjangoHmac.HashSize(algorithm);
        Salt = string.IsNullOrEmpty(salt) ? defaultSalt : salt;
        Separator = separator;
        Algorithm = algorithm;

        var keySalt = Salt + "signer";
        var keys = new List<DerivedKey>();
        foreach (var secret in new[] { key }.Concat(fallbackKeys ?? []))
        {
            ArgumentException.ThrowIfNullOrEmpty(secret, nameof(fallbackKeys));
            keys.Add(new DerivedKey(algorithm, DjangoHmac.DeriveKey(algorithm, keySalt, secret)));
            if (acceptLegacySha1 && algorithm != SigningAlgorithm.Sha1)
            {
                keys.Add(new DerivedKey(SigningAlgorithm.Sha1, DjangoHmac.DeriveKey(SigningAlgorithm.Sha1, keySalt, secret)));
            }
        }

        _verificationKeys = [.. keys];
        _signingKey = _verificationKeys[0];
    }

    /// <summary>The salt in effect (Django's class default when none was given).</summary>
    public string Salt { get; }

    /// <summary>The separator between value and signature.</summary>
    public string Separator { get; }

    /// <summary>The hash used to sign.</summary>
    public SigningAlgorithm Algorithm { get; }

    /// <summary>The signature of <paramref name="value"/> alone (Django's <c>Signer.signature</c>).</summary>
    /// <param name="value">The text to sign.</param>
    /// <returns>URL-safe base64 without padding.</returns>
    public string Signature(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Span<char> signature = stackalloc char[Base64Url.GetEncodedLength(DjangoHmac.MaxHashSize)];
        var length = ComputeSignature(_signingKey, value, ReadOnlySpan<char>.Empty, signature);
        return new string(signature[..length]);
    }

    /// <summary>Returns <c>value + separator + signature</c>.</summary>
    /// <param name="value">The text to sign; it stays readable.</param>
    /// <returns>The signed value.</returns>
    public virtual string Sign(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SignCore(value, ReadOnlySpan<char>.Empty);
    }

    /// <summary>Verifies <paramref name="signedValue"/> and returns the value without its signature.</summary>
    /// <param name="signedValue">A value produced by <see cref="Sign"/> (here or in Django).</param>
    /// <returns>The original value.</returns>
    /// <exception cref="BadSignature">The separator is missing or the signature does not match any key.</exception>
    public virtual string Unsign(string signedValue) => Verify(signedValue).ToString();

    /// <summary>Serializes <paramref name="value"/> as JSON (optionally compressed), then signs it (Django's <c>sign_object</c>).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value to serialize.</param>
    /// <param name="compress">Compress with zlib when that makes the payload shorter; <see langword="false"/> by default.</param>
    /// <param name="options">JSON options; the defaults escape non-ASCII characters, as Django's serializer does.</param>
    /// <returns>The signed, URL-safe payload.</returns>
    public string SignObject<T>(T value, bool compress = false, JsonSerializerOptions? options = null) =>
        Sign(DjangoJson.Encode(value, compress, options));

    /// <summary>Verifies and deserializes a payload made by <see cref="SignObject"/> or Django's <c>sign_object</c>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="signedObject">The signed payload.</param>
    /// <param name="options">JSON options.</param>
    /// <returns>The value.</returns>
    /// <exception cref="BadSignature">The signature does not match, or the payload is not valid base64, zlib or JSON.</exception>
    public T? UnsignObject<T>(string signedObject, JsonSerializerOptions? options = null) =>
        DjangoJson.Decode<T>(Unsign(signedObject), options);

    /// <summary>Signs <c>value + suffix</c> and returns <c>value + suffix + separator + signature</c>.</summary>
    private protected string SignCore(ReadOnlySpan<char> value, ReadOnlySpan<char> suffix)
    {
        Span<char> signature = stackalloc char[Base64Url.GetEncodedLength(DjangoHmac.MaxHashSize)];
        var signatureLength = ComputeSignature(_signingKey, value, suffix, signature);

        var total = value.Length + suffix.Length + Separator.Length + signatureLength;
        char[]? rented = null;
        var buffer = total <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(total));
        try
        {
            value.CopyTo(buffer);
            suffix.CopyTo(buffer[value.Length..]);
            Separator.AsSpan().CopyTo(buffer[(value.Length + suffix.Length)..]);
            signature[..signatureLength].CopyTo(buffer[(value.Length + suffix.Length + Separator.Length)..]);
            return new string(buffer[..total]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Checks the signature and returns the signed part (a slice of <paramref name="signedValue"/>).</summary>
    private protected ReadOnlySpan<char> Verify(string signedValue)
    {
        ArgumentNullException.ThrowIfNull(signedValue);
        var index = signedValue.LastIndexOf(Separator, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new BadSignature($"No \"{Separator}\" found in the value.");
        }

        var value = signedValue.AsSpan(0, index);
        var given = signedValue.AsSpan(index + Separator.Length);
        Span<char> expected = stackalloc char[Base64Url.GetEncodedLength(DjangoHmac.MaxHashSize)];
        var maxEncoded = expected.Length;
        foreach (var key in _verificationKeys)
        {
            var length = ComputeSignature(key, value, ReadOnlySpan<char>.Empty, expected);

            // The length of a signature is public (it follows from the algorithm); its bytes are compared in
            // constant time. A given signature longer than any HMAC cannot match and is not compared at all.
            if (given.Length <= maxEncoded &&
                CryptographicOperations.FixedTimeEquals(
                    MemoryMarshal.AsBytes(expected[..length]), MemoryMarshal.AsBytes(given)))
            {
                return value;
            }
        }

        throw new BadSignature("The signature does not match.");
    }

    private static int ComputeSignature(DerivedKey key, ReadOnlySpan<char> value, ReadOnlySpan<char> suffix, Span<char> destination)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value) + Encoding.UTF8.GetByteCount(suffix);
        byte[]? rented = null;
        var bytes = byteCount <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, bytes);
            written += Encoding.UTF8.GetBytes(suffix, bytes[written..]);
            Span<byte> mac = stackalloc byte[DjangoHmac.MaxHashSize];
            var macLength = DjangoHmac.Compute(key.Algorithm, key.Key, bytes[..written], mac);
            return Base64Url.EncodeToChars(mac[..macLength], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool IsUnsafeSeparator(string separator)
    {
        // Django rejects separators matching ^[A-z0-9-_=]*$ (note that A-z also spans [\]^_ and the backtick).
        foreach (var c in separator)
        {
            if (!(c is >= 'A' and <= 'z' || char.IsAsciiDigit(c) || c is '-' or '_' or '='))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record DerivedKey(SigningAlgorithm Algorithm, byte[] Key);
}
