namespace Clinic.Caching;

/// <summary>The default values of <see cref="CachingOptions"/> and <see cref="FileStoreOptions"/>.</summary>
public static class CachingDefaults
{
    /// <summary>600 seconds, Django's <c>CACHE_MIDDLEWARE_SECONDS</c>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(600);

    /// <summary>10 seconds.</summary>
    public static readonly TimeSpan StampedeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>1 MiB.</summary>
    public const long MaximumBodySize = 1024 * 1024;

    /// <summary>100 MiB.</summary>
    public const long MemorySizeLimit = 100L * 1024 * 1024;

    /// <summary><c>X-Clinic-Cache</c>.</summary>
    public const string DiagnosticHeaderName = "X-Clinic-Cache";

    /// <summary>300 entries, Django's <c>MAX_ENTRIES</c>.</summary>
    public const int FileStoreMaxEntries = 300;

    /// <summary>3: a third of the entries is removed when the file store is full, Django's <c>CULL_FREQUENCY</c>.</summary>
    public const int FileStoreCullFrequency = 3;
}
