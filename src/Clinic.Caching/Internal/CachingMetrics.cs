using System.Diagnostics.Metrics;

namespace Clinic.Caching.Internal;

/// <summary>Counters on the <c>Clinic.Caching</c> meter.</summary>
internal sealed class CachingMetrics
{
    public const string MeterName = "Clinic.Caching";

    public CachingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        Hits = meter.CreateCounter<long>("clinic.caching.hits", "{response}", "Responses served from the cache.");
        Misses = meter.CreateCounter<long>("clinic.caching.misses", "{response}", "Cacheable requests the cache could not answer.");
        Stores = meter.CreateCounter<long>("clinic.caching.stores", "{response}", "Responses written to the cache.");
        Evictions = meter.CreateCounter<long>("clinic.caching.evictions", "{entry}", "Entries removed for room or by invalidation.");
        NotStored = meter.CreateCounter<long>("clinic.caching.not_stored", "{response}", "Responses the cache refused to store.");
        StoreErrors = meter.CreateCounter<long>("clinic.caching.store_errors", "{error}", "Store reads and writes that failed (tag operation: read or write); the request was served without the cache.");
    }

    public Counter<long> Hits { get; }

    public Counter<long> Misses { get; }

    public Counter<long> Stores { get; }

    public Counter<long> Evictions { get; }

    public Counter<long> NotStored { get; }

    public Counter<long> StoreErrors { get; }

    /// <summary>Counts a failed store read or write.</summary>
    public void StoreFailed(string operation) => StoreErrors.Add(1, new KeyValuePair<string, object?>("operation", operation));
}
