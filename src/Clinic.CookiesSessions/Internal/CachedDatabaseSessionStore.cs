using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Clinic.CookiesSessions.Internal;

/// <summary>
/// Django's <c>cached_db</c> backend: a database store with a write-through <see cref="IDistributedCache"/> in front.
/// Reads try the cache first and fall back to the database (then fill the cache); writes go to the database first and
/// then to the cache; deletes remove both. The database is the truth:
/// <list type="bullet">
/// <item>a cache failure while reading is logged and the database answers;</item>
/// <item>a database failure always propagates (a write is never silently dropped);</item>
/// <item>a cache failure after a database write evicts the entry instead; if the cache cannot even be told to forget
/// the old copy, the operation throws, because that copy would be served once the cache answers again.</item>
/// </list>
/// </summary>
internal sealed class CachedDatabaseSessionStore : IClinicSessionStore, IDisposable
{
    /// <summary>Private to this store (Django uses <c>django.contrib.sessions.cached_db</c>); application cache keys never use it.</summary>
    public const string KeyPrefix = "clinic.sessions.cached_db:";

    private readonly IClinicSessionStore _database;
    private readonly IDistributedCache _cache;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CookiesSessionsMetrics _metrics;

    public CachedDatabaseSessionStore(IClinicSessionStore database, IDistributedCache cache, TimeProvider time, ILogger<CachedDatabaseSessionStore> logger, CookiesSessionsMetrics metrics)
    {
        _database = database;
        _cache = cache;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task<SessionRecord?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        SessionKeys.Validate(key);
        var cacheAnswered = true;
        try
        {
            var cached = CachedSessionRecords.Decode(await _cache.GetAsync(KeyPrefix + key, cancellationToken), key, Now(), _logger);
            if (cached is not null)
            {
                _metrics.SessionCacheHits.Add(1);
                return cached;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            CookiesSessionsLog.SessionCacheReadFailed(_logger, ex);
            cacheAnswered = false;
        }

        _metrics.SessionCacheMisses.Add(1);
        var record = await _database.LoadAsync(key, cancellationToken);
        if (record is not null && cacheAnswered)
        {
            // Filling the cache is an optimisation: when it fails, the next read simply asks the database again.
            try
            {
                await SetAsync(record, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                CookiesSessionsLog.SessionCacheReadFailed(_logger, ex);
            }
        }

        return record;
    }

    public async Task<bool> CreateAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!await _database.CreateAsync(record, cancellationToken))
        {
            return false;
        }

        await WriteThroughAsync(record, cancellationToken);
        return true;
    }

    public async Task<bool> UpdateAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!await _database.UpdateAsync(record, cancellationToken))
        {
            // The row is gone (a logout elsewhere, an expiry, a delete behind the store's back): the cached copy is
            // stale, so it goes too, and the caller refuses the save (SessionInterruptedException), as Django does.
            await RemoveAsync(record.Key, cancellationToken);
            return false;
        }

        await WriteThroughAsync(record, cancellationToken);
        return true;
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        SessionKeys.Validate(key);
        await _database.DeleteAsync(key, cancellationToken);
        await RemoveAsync(key, cancellationToken);
    }

    /// <summary>Removes expired rows; their cache entries expire at the same instant on their own.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken) => _database.DeleteExpiredAsync(cancellationToken);

    /// <summary>Disposes the database store, which this store owns.</summary>
    public void Dispose() => (_database as IDisposable)?.Dispose();

    private async Task WriteThroughAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await SetAsync(record, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The database has the new record; a cache that missed it must at least not keep the old one.
            CookiesSessionsLog.SessionCacheWriteFailed(_logger, ex);
            await RemoveAsync(record.Key, cancellationToken);
        }
    }

    private async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _cache.RemoveAsync(KeyPrefix + key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            CookiesSessionsLog.SessionCacheWriteFailed(_logger, ex);
            throw new SessionCacheUnavailableException(ex);
        }
    }

    private Task SetAsync(SessionRecord record, CancellationToken cancellationToken) =>
        _cache.SetAsync(KeyPrefix + record.Key, CachedSessionRecords.Serialize(record), CachedSessionRecords.EntryOptions(record, Now()), cancellationToken);

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;
}
