using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Clinic.Caching.Internal;

/// <summary>
/// The default store: a private <see cref="MemoryCache"/> bounded by <see cref="CachingOptions.MemorySizeLimit"/>
/// (each entry sized by its bytes plus its key), expiring entries by the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class MemoryResponseCacheStore : IResponseCacheStore, ILocalResponseCacheStore, IDisposable
{
    private const int EntryOverhead = 128;
    private readonly MemoryCache _cache;
    private readonly TimeProvider _time;
    private readonly CachingMetrics _metrics;
    private readonly PostEvictionDelegate _onEvicted;

    public MemoryResponseCacheStore(IOptions<CachingOptions> options, TimeProvider time, CachingMetrics metrics)
    {
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.MemorySizeLimit, CompactionPercentage = 0.2 });
        _time = time;
        _metrics = metrics;
        _onEvicted = OnEvicted;
    }

    /// <summary>Bytes currently accounted for (entries plus key overhead); walks every entry, for tests and diagnostics.</summary>
    public long Size
    {
        get
        {
            long size = 0;
            foreach (var key in _cache.Keys)
            {
                if (_cache.TryGetValue(key, out LocalEntry? entry) && entry is not null)
                {
                    size += entry.Value.Length + (((string)key).Length * 2) + EntryOverhead;
                }
            }

            return size;
        }
    }

    public int Count => _cache.Count;

    public bool TryGetLocal(ReadOnlySpan<char> key, [NotNullWhen(true)] out LocalEntry? entry)
    {
        if (_cache.TryGetValue(key, out LocalEntry? found) && found is not null
            && found.ExpiresAtUnixMilliseconds > _time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            entry = found;
            return true;
        }

        entry = null;
        return false;
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryGetLocal(key, out var entry) ? entry.Value : null);

    public ValueTask SetAsync(string key, byte[] value, ResponseCacheEntryOptions options, CancellationToken cancellationToken)
    {
        var expires = _time.GetUtcNow().Add(options.TimeToLive).ToUnixTimeMilliseconds();
        using (var cacheEntry = _cache.CreateEntry(key))
        {
            cacheEntry.Value = new LocalEntry(value, options.Url, options.Tags, expires);
            cacheEntry.Size = value.Length + (key.Length * 2) + EntryOverhead;
            cacheEntry.AbsoluteExpirationRelativeToNow = options.TimeToLive;
            cacheEntry.RegisterPostEvictionCallback(_onEvicted);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        _cache.Remove(key);
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveByUrlPrefixAsync(string urlPrefix, CancellationToken cancellationToken)
    {
        RemoveWhere(e => e.Url.StartsWith(urlPrefix, StringComparison.Ordinal));
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken)
    {
        RemoveWhere(e => e.Tags.Contains(tag, StringComparer.Ordinal));
        return ValueTask.CompletedTask;
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        _cache.Clear();
        return ValueTask.CompletedTask;
    }

    private void RemoveWhere(Func<LocalEntry, bool> predicate)
    {
        foreach (var key in _cache.Keys)
        {
            if (_cache.TryGetValue(key, out LocalEntry? entry) && entry is not null && predicate(entry))
            {
                _cache.Remove(key);
            }
        }
    }

    private void OnEvicted(object key, object? value, EvictionReason reason, object? state)
    {
        if (reason is EvictionReason.Capacity or EvictionReason.Removed)
        {
            _metrics.Evictions.Add(1);
        }
    }

    public void Dispose() => _cache.Dispose();
}
