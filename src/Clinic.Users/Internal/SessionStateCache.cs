using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Internal;

/// <summary>
/// Per-user session state (exists, active, security stamp) and revoked sign-ins, in <see cref="IDistributedCache"/>
/// so every app instance sees a change at once (in memory for one instance, Redis or SQL Server for several).
/// </summary>
internal sealed class SessionStateCache
{
    private const string StatePrefix = "clinic:users:state:";
    private const string RevokedPrefix = "clinic:users:revoked:";
    private readonly IDistributedCache _cache;
    private readonly IOptions<ClinicUsersOptions> _options;
    private readonly TimeProvider _time;

    public SessionStateCache(IDistributedCache cache, IOptions<ClinicUsersOptions> options, TimeProvider time)
    {
        _cache = cache;
        _options = options;
        _time = time;
    }

    public async ValueTask<SessionState?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var bytes = await _cache.GetAsync(StatePrefix + userId, cancellationToken);
        return bytes is null ? null : SessionState.Parse(Encoding.UTF8.GetString(bytes));
    }

    public Task SetAsync(string userId, SessionState state, CancellationToken cancellationToken) =>
        _cache.SetAsync(
            StatePrefix + userId,
            Encoding.UTF8.GetBytes(state.Serialize()),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _options.Value.SessionStateCacheDuration },
            cancellationToken);

    public Task InvalidateAsync(string userId, CancellationToken cancellationToken) =>
        _cache.RemoveAsync(StatePrefix + userId, cancellationToken);

    public async ValueTask<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken) =>
        await _cache.GetAsync(RevokedPrefix + sessionId, cancellationToken) is not null;

    public Task RevokeAsync(string sessionId, DateTimeOffset? expiresUtc, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var until = expiresUtc is { } e && e > now ? e : now.AddDays(14);
        return _cache.SetAsync(
            RevokedPrefix + sessionId,
            [1],
            new DistributedCacheEntryOptions { AbsoluteExpiration = until },
            cancellationToken);
    }
}
