using System.Collections.Concurrent;

namespace Clinic.Caching.Tests;

/// <summary>
/// A store outside the process as the middleware sees it (so its writes run in the background), whose writes can be
/// held until released, or made to fail.
/// </summary>
internal sealed class GatedStore : IResponseCacheStore
{
    private readonly ConcurrentDictionary<string, byte[]> _values = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When true, every write waits for <see cref="Release"/>.</summary>
    public bool HoldWrites { get; init; }

    /// <summary>When true, every write throws.</summary>
    public bool FailWrites { get; init; }

    /// <summary>Completes when the first write begins.</summary>
    public TaskCompletionSource WriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count => _values.Count;

    public void Release() => _release.TrySetResult();

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_values.TryGetValue(key, out var value) ? value : null);

    public async ValueTask SetAsync(string key, byte[] value, ResponseCacheEntryOptions options, CancellationToken cancellationToken)
    {
        WriteStarted.TrySetResult();
        if (FailWrites)
        {
            throw new IOException("The store is down.");
        }

        if (HoldWrites)
        {
            await _release.Task;
        }

        _values[key] = value;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        _values.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveByUrlPrefixAsync(string urlPrefix, CancellationToken cancellationToken) => ClearAsync(cancellationToken);

    public ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken) => ClearAsync(cancellationToken);

    public ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        _values.Clear();
        return ValueTask.CompletedTask;
    }
}
