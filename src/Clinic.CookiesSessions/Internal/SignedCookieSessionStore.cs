using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Clinic.CookiesSessions.Internal;

/// <summary>
/// The whole session in the session cookie, signed by the registered <see cref="ICookieSigner"/> (Data Protection by
/// default: also encrypted) and refused when older than the session's default expiry. Nothing is stored on the
/// server, so the record operations are not used: the middleware reads and writes the cookie itself. In Django's
/// format (<see cref="SessionsBuilderExtensions.UseDjangoSignedCookieStore"/>) the cookie is what Django's
/// <c>signed_cookies</c> backend writes: <c>signing.dumps(session, salt=..., compress=True)</c> with the JSON serializer.
/// </summary>
internal sealed class SignedCookieSessionStore : IClinicSessionStore
{
    public const string Salt = "Clinic.CookiesSessions.SignedCookieSession";

    private readonly ICookieSigner _signer;
    private readonly ILogger _logger;
    private readonly TimestampSigner? _django;

    public SignedCookieSessionStore(ICookieSigner signer, ILogger<SignedCookieSessionStore> logger)
    {
        _signer = signer;
        _logger = logger;
    }

    /// <summary>Django's format, signed with Django's secret key (keys derived once, here).</summary>
    internal SignedCookieSessionStore(ICookieSigner signer, ILogger<SignedCookieSessionStore> logger, DjangoSigningOptions django, TimeProvider time)
        : this(signer, logger)
    {
        if (string.IsNullOrEmpty(django.SecretKey))
        {
            throw new InvalidOperationException(
                "UseDjangoSignedCookieStore needs Django's secret key: call services.AddClinicCookies().UseDjangoCookieSigner(o => o.SecretKey = ...).");
        }

        _django = new TimestampSigner(
            django.SecretKey, DjangoSessions.SignedCookieSalt, fallbackKeys: django.SecretKeyFallbacks, acceptLegacySha1: django.AcceptLegacySha1, timeProvider: time);
    }

    public Dictionary<string, JsonNode?>? Decode(string cookieName, string cookieValue, TimeSpan maxAge)
    {
        if (_django is not null)
        {
            try
            {
                return _django.UnsignObject<Dictionary<string, JsonNode?>>(cookieValue, maxAge);
            }
            catch (BadSignature ex)
            {
                CookiesSessionsLog.SessionCookieRejected(_logger, ex is SignatureExpired ? nameof(SignedCookieStatus.Expired) : nameof(SignedCookieStatus.BadSignature));
                return null;
            }
            catch (JsonException ex)
            {
                CookiesSessionsLog.SessionRecordCorrupt(_logger, ex);
                return null;
            }
        }

        var result = _signer.Unsign(cookieName, cookieValue, Salt, maxAge);
        if (!result.IsValid)
        {
            CookiesSessionsLog.SessionCookieRejected(_logger, result.Status.ToString());
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonNode?>>(result.Value!);
        }
        catch (JsonException ex)
        {
            CookiesSessionsLog.SessionRecordCorrupt(_logger, ex);
            return null;
        }
    }

    public string Encode(string cookieName, string json) =>
        _django is not null ? _django.SignObject(JsonNode.Parse(json), compress: true) : _signer.Sign(cookieName, json, Salt);

    public Task<SessionRecord?> LoadAsync(string key, CancellationToken cancellationToken) => Task.FromResult<SessionRecord?>(null);

    public Task<bool> CreateAsync(SessionRecord record, CancellationToken cancellationToken) => throw NotServerSide();

    public Task<bool> UpdateAsync(SessionRecord record, CancellationToken cancellationToken) => throw NotServerSide();

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    private static NotSupportedException NotServerSide() =>
        new("The signed-cookie session store keeps sessions in the cookie; UseClinicSessions() writes it.");
}
