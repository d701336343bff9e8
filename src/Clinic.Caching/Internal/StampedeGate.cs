using System.Collections.Concurrent;

namespace Clinic.Caching.Internal;

/// <summary>
/// Lets the first miss on a key render the page while later misses on the same key wait for it, then look again
/// (the output cache's resource locking; Django has none).
/// </summary>
internal sealed class StampedeGate
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _inFlight = new(StringComparer.Ordinal);

    /// <summary>True when the caller leads (and must call <see cref="Exit"/>); otherwise <paramref name="leader"/> completes when the leader is done.</summary>
    public bool TryEnter(string key, out TaskCompletionSource gate, out Task leader)
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _inFlight.GetOrAdd(key, mine);
        gate = mine;
        leader = current.Task;
        return ReferenceEquals(current, mine);
    }

    public void Exit(string key, TaskCompletionSource gate)
    {
        _inFlight.TryRemove(new KeyValuePair<string, TaskCompletionSource>(key, gate));
        gate.TrySetResult();
    }

    public int InFlight => _inFlight.Count;
}
