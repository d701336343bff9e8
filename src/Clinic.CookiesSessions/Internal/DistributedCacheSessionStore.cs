using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Clinic.CookiesSessions.Internal;

/// <summary>
/// Sessions in an <see cref="IDistributedCache"/> (Redis in production) under the private prefix
/// <see cref="KeyPrefix"/>, which application cache keys never use; the cache expires entries itself.
/// Create and update check existence first, so two racing writers of one key are last-writer-wins.
/// </summary>
internal sealed class DistributedCacheSessionStore : IClinicSessionStore
{
    public const string KeyPrefix = "clinic.sessions:";

    private readonly IDistributedCache _cache;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DistributedCacheSessionStore(IDistributedCache cache, TimeProvider time, ILogger<DistributedCacheSessionStore> logger)
    {
        _cache = cache;
        _time = time;
        _logger = logger;
    }

    public async Task<SessionRecord?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        SessionKeys.Validate(key);
        var bytes = await _cache.GetAsync(KeyPrefix + key, cancellationToken);
        return CachedSessionRecords.Decode(bytes, key, _time.GetUtcNow().UtcDateTime, _logger);
    }

    public async Task<bool> CreateAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (await LoadAsync(record.Key, cancellationToken) is not null)
        {
            return false;
        }

        await WriteAsync(record, cancellationToken);
        return true;
    }

    public async Task<bool> UpdateAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (await LoadAsync(record.Key, cancellationToken) is null)
        {
            return false;
        }

        await WriteAsync(record, cancellationToken);
        return true;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        SessionKeys.Validate(key);
        return _cache.RemoveAsync(KeyPrefix + key, cancellationToken);
    }

    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    private Task WriteAsync(SessionRecord record, CancellationToken cancellationToken) =>
        _cache.SetAsync(
            KeyPrefix + record.Key,
            CachedSessionRecords.Serialize(record),
            CachedSessionRecords.EntryOptions(record, _time.GetUtcNow().UtcDateTime),
            cancellationToken);
}
