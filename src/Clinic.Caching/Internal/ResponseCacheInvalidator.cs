using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clinic.Caching.Internal;

/// <summary>
/// Invalidation through the chosen store. A URL is invalidated by removing its vary record (see <see cref="VaryRecord"/>).
/// Every operation first waits for the store writes already under way, so a page rendered before the invalidation
/// cannot be written after it, and starts a new read epoch, so no later request joins a store read begun before it.
/// </summary>
internal sealed class ResponseCacheInvalidator(IResponseCacheStore store, CacheKeys keys, LocalCopy copy, PendingStoreWrites pending, StoreReadCoalescer reads, ILogger<ResponseCacheInvalidator> logger) : IResponseCacheInvalidator
{
    public async ValueTask InvalidateUrlAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{url}' is relative; pass the absolute URL such as https://example.com/doctors.", nameof(url));
        }

        await pending.WhenIdleAsync().WaitAsync(cancellationToken);
        foreach (var key in VaryKeys(url))
        {
            await store.RemoveAsync(key, cancellationToken);
        }

        await DropCopiesAsync(cancellationToken);
        CachingLog.Invalidated(logger, "url");
    }

    /// <summary>The vary-record keys of <paramref name="url"/>: with a default port, both without and with it in the host.</summary>
    private string[] VaryKeys(Uri url)
    {
        var host = url.HostNameType == UriHostNameType.IPv6 ? "[" + url.IdnHost + "]" : url.IdnHost;
        var path = PathString.FromUriComponent(url).Value ?? string.Empty;
        var query = QueryString.FromUriComponent(url).Value ?? string.Empty;
        var port = url.Port.ToString(CultureInfo.InvariantCulture);
        string[] hosts = url.IsDefaultPort ? [host, host + ":" + port] : [host + ":" + port];
        var result = new string[hosts.Length];
        for (var i = 0; i < hosts.Length; i++)
        {
            var urlPart = keys.UrlPart(string.Concat(url.Scheme, "://", hosts[i], path, query));
            var key = new char[keys.VaryKeyLength(urlPart.Length)];
            keys.WriteVaryKey(urlPart, key);
            result[i] = new string(key);
        }

        return result;
    }

    public async ValueTask InvalidatePrefixAsync(string urlPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(urlPrefix);
        await pending.WhenIdleAsync().WaitAsync(cancellationToken);
        await store.RemoveByUrlPrefixAsync(urlPrefix, cancellationToken);
        await DropCopiesAsync(cancellationToken);
        CachingLog.Invalidated(logger, "prefix");
    }

    public async ValueTask InvalidateTagAsync(string tag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        await pending.WhenIdleAsync().WaitAsync(cancellationToken);
        await store.RemoveByTagAsync(tag, cancellationToken);
        await DropCopiesAsync(cancellationToken);
        CachingLog.Invalidated(logger, "tag");
    }

    public async ValueTask InvalidateAllAsync(CancellationToken cancellationToken = default)
    {
        await pending.WhenIdleAsync().WaitAsync(cancellationToken);
        await store.ClearAsync(cancellationToken);
        await DropCopiesAsync(cancellationToken);
        CachingLog.Invalidated(logger, "all");
    }

    /// <summary>
    /// After the store changed: reads begun before now are no longer shared with new requests, and the local copies
    /// (few and short-lived) are all dropped.
    /// </summary>
    private ValueTask DropCopiesAsync(CancellationToken cancellationToken)
    {
        reads.Invalidated();
        return copy.Store?.ClearAsync(cancellationToken) ?? ValueTask.CompletedTask;
    }
}
