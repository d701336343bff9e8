using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.CookiesSessions.Internal;

/// <summary>
/// Django's signed cookies: a <see cref="TimestampSigner"/> keyed with <c>"django.http.cookies" + SECRET_KEY</c> and
/// salted with the cookie name and salt (see <see cref="DjangoCookieSaltMode"/>).
/// </summary>
internal sealed class DjangoCookieSigner : ICookieSigner
{
    public const string KeyPrefix = "django.http.cookies";
    private const int MaxCachedSigners = 1024;

    private readonly DjangoSigningOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CookiesSessionsMetrics? _metrics;
    private readonly ConcurrentDictionary<(string Name, string Salt), TimestampSigner> _signers = new();

    public DjangoCookieSigner(
        IOptions<DjangoSigningOptions> options, TimeProvider timeProvider, ILogger<DjangoCookieSigner> logger, CookiesSessionsMetrics? metrics = null)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
    }

    public static string CookieSalt(string cookieName, string salt, DjangoCookieSaltMode mode) => mode switch
    {
        DjangoCookieSaltMode.LengthPrefixed => string.Create(CultureInfo.InvariantCulture, $"{cookieName.Length}:{cookieName}{salt}"),
        _ => cookieName + salt,
    };

    public string Sign(string cookieName, string value, string salt)
    {
        ArgumentNullException.ThrowIfNull(value);
        return GetSigner(cookieName, salt).Sign(value);
    }

    public SignedCookieResult Unsign(string cookieName, string signedValue, string salt, TimeSpan? maxAge)
    {
        ArgumentNullException.ThrowIfNull(signedValue);
        var signer = GetSigner(cookieName, salt);
        try
        {
            return SignedCookieResult.Valid(signer.Unsign(signedValue, maxAge));
        }
        catch (SignatureExpired)
        {
            CookiesSessionsLog.SignedCookieExpired(_logger, cookieName);
            _metrics?.SignedCookiesRejected.Add(1, new KeyValuePair<string, object?>("reason", "expired"));
            return SignedCookieResult.Failed(SignedCookieStatus.Expired);
        }
        catch (BadSignature)
        {
            var status = signedValue.Contains(signer.Separator, StringComparison.Ordinal)
                ? SignedCookieStatus.BadSignature
                : SignedCookieStatus.Malformed;
            CookiesSessionsLog.SignedCookieRejected(_logger, cookieName, status);
            _metrics?.SignedCookiesRejected.Add(1, new KeyValuePair<string, object?>("reason", status.ToString()));
            return SignedCookieResult.Failed(status);
        }
    }

    private TimestampSigner GetSigner(string cookieName, string salt)
    {
        ArgumentException.ThrowIfNullOrEmpty(cookieName);
        ArgumentNullException.ThrowIfNull(salt);
        if (_signers.TryGetValue((cookieName, salt), out var cached))
        {
            return cached;
        }

        var signer = new TimestampSigner(
            KeyPrefix + _options.SecretKey,
            CookieSalt(cookieName, salt, _options.CookieSaltMode),
            algorithm: _options.Algorithm,
            fallbackKeys: _options.SecretKeyFallbacks.Select(k => KeyPrefix + k),
            acceptLegacySha1: _options.AcceptLegacySha1,
            timeProvider: _timeProvider);
        if (_signers.Count < MaxCachedSigners)
        {
            _signers.TryAdd((cookieName, salt), signer);
        }

        return signer;
    }
}
