namespace Clinic.Caching;

/// <summary>Removes cached responses so the next request renders the page again.</summary>
public interface IResponseCacheInvalidator
{
    /// <summary>
    /// Invalidates every cached variant (methods, <c>Vary</c> values) of one absolute URL, such as
    /// <c>https://example.com/doctors?page=2</c>. The host (with its port when not the default) and query must match
    /// the cached request's.
    /// </summary>
    ValueTask InvalidateUrlAsync(Uri url, CancellationToken cancellationToken = default);

    /// <summary>Invalidates every cached response whose absolute URL starts with <paramref name="urlPrefix"/>.</summary>
    ValueTask InvalidatePrefixAsync(string urlPrefix, CancellationToken cancellationToken = default);

    /// <summary>Invalidates every cached response stored with <paramref name="tag"/> (see <see cref="CachePageAttribute.Tags"/>).</summary>
    ValueTask InvalidateTagAsync(string tag, CancellationToken cancellationToken = default);

    /// <summary>Invalidates everything in the cache.</summary>
    ValueTask InvalidateAllAsync(CancellationToken cancellationToken = default);
}
