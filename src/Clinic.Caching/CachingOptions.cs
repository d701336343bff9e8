namespace Clinic.Caching;

/// <summary>
/// Settings of the response cache. Every default is stated on its property and kept in <see cref="CachingDefaults"/>;
/// the values are validated when the application starts.
/// </summary>
public sealed class CachingOptions
{
    /// <summary>
    /// Lifetime of a stored response whose <c>Cache-Control</c> carries no <c>max-age</c> (Django's
    /// <c>CACHE_MIDDLEWARE_SECONDS</c>). Default 600 seconds; must be between 1 second and 365 days.
    /// </summary>
    public TimeSpan DefaultTimeout { get; set; } = CachingDefaults.DefaultTimeout;

    /// <summary>
    /// Prefix of every key this cache writes, so several applications can share one store (Django's
    /// <c>CACHE_MIDDLEWARE_KEY_PREFIX</c>). Default empty; at most 64 characters.
    /// </summary>
    public string KeyPrefix { get; set; } = string.Empty;

    /// <summary>
    /// When <see langword="true"/> (the default) every eligible response is cached; when <see langword="false"/> only
    /// endpoints marked with <see cref="CachePageAttribute"/> or <c>.CachePage(...)</c> are.
    /// </summary>
    public bool SiteWide { get; set; } = true;

    /// <summary>
    /// Path prefixes the site-wide cache never reads or writes (for example <c>/admin</c>, <c>/account</c>).
    /// Compared case-insensitively on whole segments. An endpoint marked with <c>.CachePage(...)</c> is still cached.
    /// Default empty.
    /// </summary>
    public IList<string> ExcludedPaths { get; } = new List<string>();

    /// <summary>
    /// Largest body that is stored. A larger response streams to the client without being buffered whole and is not
    /// stored. Default 1 MiB; must be between 1 byte and 1 GiB.
    /// </summary>
    public long MaximumBodySize { get; set; } = CachingDefaults.MaximumBodySize;

    /// <summary>
    /// Upper bound, in bytes, of what the memory store holds (entries are sized by their serialized length).
    /// Default 100 MiB; must be at least 1 KiB.
    /// </summary>
    public long MemorySizeLimit { get; set; } = CachingDefaults.MemorySizeLimit;

    /// <summary>
    /// How long a request that finds another request already rendering the same page waits for that result before it
    /// renders the page itself (stampede protection). Default 10 seconds; zero turns the protection off.
    /// </summary>
    public TimeSpan StampedeTimeout { get; set; } = CachingDefaults.StampedeTimeout;

    /// <summary>
    /// For stores outside the process (file, database, distributed): how long this instance keeps an in-memory copy of
    /// an entry it read or wrote, so repeated hits skip the store. Invalidation on this instance drops the copies at
    /// once; other instances may go on serving their copy for up to this long. Default zero (off); at most 1 hour.
    /// </summary>
    public TimeSpan LocalCopyDuration { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Whether responses carry the diagnostic header named by <see cref="DiagnosticHeaderName"/> (HIT, MISS, or why a
    /// response was not stored). <see langword="null"/> (the default) means on in the Development environment only.
    /// </summary>
    public bool? EmitDiagnosticHeader { get; set; }

    /// <summary>Name of the diagnostic header. Default <c>X-Clinic-Cache</c>.</summary>
    public string DiagnosticHeaderName { get; set; } = CachingDefaults.DiagnosticHeaderName;
}
