using System.Collections.Concurrent;

namespace Clinic.Caching.Internal;

/// <summary>
/// Concurrent reads of one key from a store outside the process share one round trip (the output cache does the
/// same for its store): a hot page under load costs one store read per round-trip time, not one per request. A read
/// is only shared with requests that arrived before this instance's next invalidation: <see cref="Invalidated"/>
/// starts a new epoch, and a request never joins a read from an earlier one.
/// </summary>
internal sealed class StoreReadCoalescer
{
    private readonly ConcurrentDictionary<string, SharedRead> _reads = new(StringComparer.Ordinal);
    private long _epoch;

    /// <summary>Called once an invalidation has changed the store.</summary>
    public void Invalidated() => Interlocked.Increment(ref _epoch);

    public ValueTask<byte[]?> GetAsync(IResponseCacheStore store, string key, CancellationToken cancellationToken)
    {
        var epoch = Interlocked.Read(ref _epoch);
        if (_reads.TryGetValue(key, out var running))
        {
            // A read from before an invalidation is left to its own callers; this request reads afresh.
            return running.Epoch == epoch ? new(running.Result.WaitAsync(cancellationToken)) : store.GetAsync(key, cancellationToken);
        }

        // Stores that answer synchronously (a file in the page cache, SQLite) have nothing to share and cost nothing
        // extra; a read that is still running is published for requests arriving meanwhile.
        var read = store.GetAsync(key, CancellationToken.None);
        if (read.IsCompleted)
        {
            return read;
        }

        var shared = new SharedRead(epoch, read.AsTask());
        if (_reads.TryAdd(key, shared))
        {
            shared.Result.ContinueWith(
                static (_, s) => ((StoreReadCoalescer, string, SharedRead))s! switch
                {
                    var (owner, k, r) => owner._reads.TryRemove(new KeyValuePair<string, SharedRead>(k, r)),
                },
                (this, key, shared),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return new(shared.Result.WaitAsync(cancellationToken));
    }

    private sealed class SharedRead(long epoch, Task<byte[]?> result)
    {
        public long Epoch { get; } = epoch;

        public Task<byte[]?> Result { get; } = result;
    }
}
