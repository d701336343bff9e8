using System.Collections.Concurrent;

namespace Clinic.Caching.Internal;

/// <summary>
/// Store writes running after their response was sent (stores outside the process), so a slow store never holds up
/// the connection. Invalidation waits for the writes already started, so an entry rendered before an invalidation
/// cannot land after it. At most <see cref="MaximumInFlight"/> run at once; past that a miss writes inline (the
/// store is falling behind, and queueing without bound would only grow memory).
/// </summary>
internal sealed class PendingStoreWrites
{
    public const int MaximumInFlight = 256;
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private int _count;

    public int InFlight => Volatile.Read(ref _count);

    /// <summary>Runs <paramref name="write"/> on the thread pool, or returns false when too many already run.</summary>
    public bool TryStart(Func<object?, Task> write, object? state)
    {
        if (Interlocked.Increment(ref _count) > MaximumInFlight)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        // Registered before it starts, so a WhenIdleAsync that follows anything the write does sees it.
        var start = new Task<Task>(static s => ((Start)s!).Run(), new Start(write, state), CancellationToken.None, TaskCreationOptions.DenyChildAttach);
        var task = start.Unwrap();
        _running.TryAdd(task, 0);
        task.ContinueWith(
            static (t, s) =>
            {
                var owner = (PendingStoreWrites)s!;
                owner._running.TryRemove(t, out _);
                Interlocked.Decrement(ref owner._count);
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        start.Start(TaskScheduler.Default);
        return true;
    }

    /// <summary>Completes when every write started before this call has finished (failures are the writer's to log).</summary>
    public Task WhenIdleAsync()
    {
        if (_running.IsEmpty)
        {
            return Task.CompletedTask;
        }

        var tasks = _running.Keys.ToArray();
        return Task.WhenAll(tasks).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private sealed record Start(Func<object?, Task> Write, object? State)
    {
        public Task Run() => Write(State);
    }
}
