using Microsoft.Extensions.Options;

namespace Clinic.Caching.Internal;

/// <summary>
/// The optional in-memory copy in front of a store outside the process (<see cref="CachingOptions.LocalCopyDuration"/>),
/// the L1 of a two-level cache. <see cref="Store"/> is null when the option is off or the store is already in memory.
/// </summary>
internal sealed class LocalCopy : IDisposable
{
    public LocalCopy(IOptions<CachingOptions> options, IResponseCacheStore store, TimeProvider time, CachingMetrics metrics)
    {
        Duration = options.Value.LocalCopyDuration;
        if (Duration > TimeSpan.Zero && store is not ILocalResponseCacheStore)
        {
            Store = new MemoryResponseCacheStore(options, time, metrics);
        }
    }

    public TimeSpan Duration { get; }

    public MemoryResponseCacheStore? Store { get; }

    public void Dispose() => Store?.Dispose();
}
