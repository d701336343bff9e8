using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Clinic.CookiesSessions.Internal;

/// <summary>
/// The whole session in the session cookie, signed by the registered <see cref="ICookieSigner"/> (Data Protection by
/// default: also encrypted) and refused when older than the session's default expiry. Nothing is stored on the
/// server, so the record operations are not used: the middleware reads and writes the cookie itself.
/// </summary>
internal sealed class SignedCookieSessionStore(ICookieSigner signer, ILogger<SignedCookieSessionStore> logger) : IClinicSessionStore
{
    public const string Salt = "Clinic.CookiesSessions.SignedCookieSession";

    public Dictionary<string, JsonNode?>? Decode(string cookieName, string cookieValue, TimeSpan maxAge)
    {
        var result = signer.Unsign(cookieName, cookieValue, Salt, maxAge);
        if (!result.IsValid)
        {
            CookiesSessionsLog.SessionCookieRejected(logger, result.Status.ToString());
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonNode?>>(result.Value!);
        }
        catch (JsonException ex)
        {
            CookiesSessionsLog.SessionRecordCorrupt(logger, ex);
            return null;
        }
    }

    public string Encode(string cookieName, string json) => signer.Sign(cookieName, json, Salt);

    public Task<SessionRecord?> LoadAsync(string key, CancellationToken cancellationToken) => Task.FromResult<SessionRecord?>(null);

    public Task<bool> CreateAsync(SessionRecord record, CancellationToken cancellationToken) => throw NotServerSide();

    public Task<bool> UpdateAsync(SessionRecord record, CancellationToken cancellationToken) => throw NotServerSide();

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    private static NotSupportedException NotServerSide() =>
        new("The signed-cookie session store keeps sessions in the cookie; UseClinicSessions() writes it.");
}
