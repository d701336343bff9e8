using Microsoft.AspNetCore.Builder;

namespace Clinic.Caching;

/// <summary>Per-endpoint caching (Django's <c>cache_page</c>).</summary>
public static class CachingEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Caches the endpoint's responses for <paramref name="duration"/>, under an optional extra
    /// <paramref name="keyPrefix"/> and with <paramref name="tags"/> to invalidate them by. Takes precedence over the
    /// site-wide settings, as <see cref="CachePageAttribute"/> does.
    /// </summary>
    public static TBuilder CachePage<TBuilder>(this TBuilder builder, TimeSpan duration, string? keyPrefix = null, params string[] tags)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(tags);
        var metadata = new CachePageAttribute(duration, keyPrefix, tags);
        builder.Add(endpoint => endpoint.Metadata.Add(metadata));
        return builder;
    }
}
