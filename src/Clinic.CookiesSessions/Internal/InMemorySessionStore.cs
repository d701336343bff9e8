using System.Collections.Concurrent;

namespace Clinic.CookiesSessions.Internal;

/// <summary>Sessions in process memory: for development and tests; lost on restart, not shared between instances.</summary>
internal sealed class InMemorySessionStore : IClinicSessionStore
{
    private readonly ConcurrentDictionary<string, SessionRecord> _records = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public InMemorySessionStore(TimeProvider time) => _time = time;

    public Task<SessionRecord?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        SessionKeys.Validate(key);
        return Task.FromResult(_records.TryGetValue(key, out var record) && record.ExpiresUtc > _time.GetUtcNow().UtcDateTime
            ? Copy(record)
            : null);
    }

    public Task<bool> CreateAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        SessionKeys.Validate(record.Key);
        var copy = Copy(record);
        var now = _time.GetUtcNow().UtcDateTime;

        // An expired record does not block its key (it can never be loaded again).
        var created = _records.AddOrUpdate(record.Key, copy, (_, existing) => existing.ExpiresUtc <= now ? copy : existing);
        return Task.FromResult(ReferenceEquals(created, copy));
    }

    public Task<bool> UpdateAsync(SessionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        SessionKeys.Validate(record.Key);
        var copy = Copy(record);
        while (_records.TryGetValue(record.Key, out var existing))
        {
            if (existing.ExpiresUtc <= _time.GetUtcNow().UtcDateTime)
            {
                return Task.FromResult(false);
            }

            if (_records.TryUpdate(record.Key, copy, existing))
            {
                return Task.FromResult(true);
            }
        }

        return Task.FromResult(false);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        SessionKeys.Validate(key);
        _records.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var removed = 0;
        foreach (var pair in _records)
        {
            if (pair.Value.ExpiresUtc <= now && _records.TryRemove(pair))
            {
                removed++;
            }
        }

        return Task.FromResult(removed);
    }

    private static SessionRecord Copy(SessionRecord record) =>
        new() { Key = record.Key, Data = record.Data, ExpiresUtc = record.ExpiresUtc };
}
