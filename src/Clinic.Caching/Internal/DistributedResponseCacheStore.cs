using System.Buffers.Binary;
using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;

namespace Clinic.Caching.Internal;

/// <summary>
/// Keeps values in any <see cref="IDistributedCache"/>. The interface cannot enumerate keys, so removal by prefix,
/// tag or everything goes through an index of the keys this instance wrote (invalidation by URL needs no index: it
/// removes the URL's vary record, which every instance reads first).
/// </summary>
internal sealed class DistributedResponseCacheStore(IDistributedCache cache, TimeProvider time, CachingMetrics metrics) : IResponseCacheStore
{
    private readonly ConcurrentDictionary<string, (string Url, IReadOnlyList<string> Tags, DateTimeOffset Expires)> _written = new(StringComparer.Ordinal);

    /// <summary>Values carry their expiry (Unix ms, 8 bytes) in front, so expiry follows the injected clock too.</summary>
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var data = await cache.GetAsync(key, cancellationToken);
        if (data is null || data.Length < 8
            || BinaryPrimitives.ReadInt64LittleEndian(data) <= time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            return null;
        }

        return data.AsSpan(8).ToArray();
    }

    public async ValueTask SetAsync(string key, byte[] value, ResponseCacheEntryOptions options, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var data = new byte[value.Length + 8];
        BinaryPrimitives.WriteInt64LittleEndian(data, (now + options.TimeToLive).ToUnixTimeMilliseconds());
        value.CopyTo(data, 8);
        await cache.SetAsync(key, data, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.TimeToLive }, cancellationToken);
        _written[key] = (options.Url, options.Tags, now + options.TimeToLive);
        if (_written.Count > 10_000 && (_written.Count % 1000) == 0)
        {
            foreach (var (k, v) in _written)
            {
                if (v.Expires <= now)
                {
                    _written.TryRemove(k, out _);
                }
            }
        }
    }

    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await cache.RemoveAsync(key, cancellationToken);
        _written.TryRemove(key, out _);
    }

    public ValueTask RemoveByUrlPrefixAsync(string urlPrefix, CancellationToken cancellationToken) =>
        RemoveWhereAsync(e => e.Url.StartsWith(urlPrefix, StringComparison.Ordinal), cancellationToken);

    public ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken) =>
        RemoveWhereAsync(e => e.Tags.Contains(tag, StringComparer.Ordinal), cancellationToken);

    public ValueTask ClearAsync(CancellationToken cancellationToken) => RemoveWhereAsync(_ => true, cancellationToken);

    private async ValueTask RemoveWhereAsync(Func<(string Url, IReadOnlyList<string> Tags, DateTimeOffset Expires), bool> predicate, CancellationToken cancellationToken)
    {
        foreach (var (key, entry) in _written)
        {
            if (predicate(entry))
            {
                await cache.RemoveAsync(key, cancellationToken);
                _written.TryRemove(key, out _);
                metrics.Evictions.Add(1);
            }
        }
    }
}
