namespace Clinic.Caching;

/// <summary>
/// Caches an endpoint's responses for a fixed time (Django's <c>cache_page</c>). Takes precedence over the site-wide
/// settings: the duration replaces the response's <c>max-age</c> and the endpoint is cached even under an excluded path
/// or when <see cref="CachingOptions.SiteWide"/> is off. The safety rules (method, status, private, cookies, signed-in
/// users) still apply.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class CachePageAttribute : Attribute
{
    private readonly string? _keyPrefix;
    private readonly string[] _tags = [];

    /// <summary>Caches the endpoint for <paramref name="seconds"/> seconds.</summary>
    public CachePageAttribute(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        Duration = TimeSpan.FromSeconds(seconds);
    }

    internal CachePageAttribute(TimeSpan duration, string? keyPrefix, string[] tags)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.FromSeconds(1));
        Duration = duration;
        KeyPrefix = keyPrefix;
        Tags = tags;
    }

    /// <summary>How long a response is stored and what <c>max-age</c> it is sent with.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Extra key prefix for this endpoint's entries (Django's <c>key_prefix</c>), at most 64 characters. Default none.</summary>
    public string? KeyPrefix
    {
        get => _keyPrefix;
        init
        {
            if (value is { Length: > 64 } || (value is not null && value.Any(char.IsControl)))
            {
                throw new ArgumentException("A cache key prefix has at most 64 characters and no control characters.", nameof(value));
            }

            _keyPrefix = value;
        }
    }

    /// <summary>Tags this endpoint's entries can be invalidated by; none may be empty or contain '|'. Default none.</summary>
#pragma warning disable CA1819 // Attribute arguments are arrays.
    public string[] Tags
    {
        get => _tags;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var tag in value)
            {
                if (string.IsNullOrEmpty(tag) || tag.Contains('|', StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Cache tag '{tag}' is empty or contains '|'; use plain names such as \"doctors\".", nameof(value));
                }
            }

            _tags = value;
        }
    }
#pragma warning restore CA1819
}
