using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace Clinic.CookiesSessions.Internal;

/// <summary>
/// Signed (and encrypted) cookies on Data Protection: purpose chain = package, cookie name, salt (injective), payload
/// = 8-byte big-endian Unix seconds + UTF-8 value, output in URL-safe base64.
/// </summary>
internal sealed class DataProtectionCookieSigner : ICookieSigner
{
    public const string Purpose = "Clinic.CookiesSessions.SignedCookie";
    private const int MaxCachedProtectors = 1024;

    private readonly IDataProtectionProvider _provider;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CookiesSessionsMetrics? _metrics;
    private readonly ConcurrentDictionary<(string Name, string Salt), IDataProtector> _protectors = new();

    public DataProtectionCookieSigner(
        IDataProtectionProvider provider, TimeProvider timeProvider, ILogger<DataProtectionCookieSigner> logger, CookiesSessionsMetrics? metrics = null)
    {
        _provider = provider;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
    }

    public string Sign(string cookieName, string value, string salt)
    {
        ArgumentNullException.ThrowIfNull(value);
        var payload = new byte[8 + Encoding.UTF8.GetByteCount(value)];
        BinaryPrimitives.WriteInt64BigEndian(payload, _timeProvider.GetUtcNow().ToUnixTimeSeconds());
        Encoding.UTF8.GetBytes(value, payload.AsSpan(8));
        return Base64Url.EncodeToString(GetProtector(cookieName, salt).Protect(payload));
    }

    public SignedCookieResult Unsign(string cookieName, string signedValue, string salt, TimeSpan? maxAge)
    {
        ArgumentNullException.ThrowIfNull(signedValue);
        var protector = GetProtector(cookieName, salt);
        byte[] protectedBytes;
        try
        {
            protectedBytes = Base64Url.DecodeFromChars(signedValue);
        }
        catch (FormatException)
        {
            return Reject(cookieName, SignedCookieStatus.Malformed);
        }

        byte[] payload;
        try
        {
            payload = protector.Unprotect(protectedBytes);
        }
        catch (CryptographicException)
        {
            return Reject(cookieName, SignedCookieStatus.BadSignature);
        }

        if (payload.Length < 8)
        {
            return Reject(cookieName, SignedCookieStatus.Malformed);
        }

        var seconds = BinaryPrimitives.ReadInt64BigEndian(payload);
        if (seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return Reject(cookieName, SignedCookieStatus.Malformed);
        }

        if (maxAge is { } limit)
        {
            var age = _timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
            if (age > limit)
            {
                return Reject(cookieName, SignedCookieStatus.Expired);
            }

            if (-age > TimestampSigner.MaxClockSkew)
            {
                return Reject(cookieName, SignedCookieStatus.BadSignature);
            }
        }

        try
        {
            return SignedCookieResult.Valid(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload, 8, payload.Length - 8));
        }
        catch (DecoderFallbackException)
        {
            return Reject(cookieName, SignedCookieStatus.Malformed);
        }
    }

    private SignedCookieResult Reject(string cookieName, SignedCookieStatus status)
    {
        if (status == SignedCookieStatus.Expired)
        {
            CookiesSessionsLog.SignedCookieExpired(_logger, cookieName);
        }
        else
        {
            CookiesSessionsLog.SignedCookieRejected(_logger, cookieName, status);
        }

        _metrics?.SignedCookiesRejected.Add(1, new KeyValuePair<string, object?>("reason", status.ToString()));
        return SignedCookieResult.Failed(status);
    }

    private IDataProtector GetProtector(string cookieName, string salt)
    {
        ArgumentException.ThrowIfNullOrEmpty(cookieName);
        ArgumentNullException.ThrowIfNull(salt);
        if (_protectors.TryGetValue((cookieName, salt), out var cached))
        {
            return cached;
        }

        var protector = _provider.CreateProtector(Purpose, cookieName, "salt:" + salt);
        if (_protectors.Count < MaxCachedProtectors)
        {
            _protectors.TryAdd((cookieName, salt), protector);
        }

        return protector;
    }
}
