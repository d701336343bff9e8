using Clinic.Caching.Internal;

namespace Clinic.Caching.Tests;

/// <summary>Concurrent reads of one key share a store round trip, never across an invalidation.</summary>
public sealed class StoreReadCoalescerTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetAsync_ConcurrentReadsOfOneKey_ShareOneStoreRead()
    {
        var store = new HeldReadStore();
        var coalescer = new StoreReadCoalescer();

        var reads = Enumerable.Range(0, 5).Select(_ => coalescer.GetAsync(store, "k", CancellationToken.None).AsTask()).ToArray();
        Assert.Equal(1, store.Reads);
        store.Release();

        var values = await Task.WhenAll(reads).WaitAsync(HangGuard);
        Assert.All(values, v => Assert.Equal(HeldReadStore.Value, v));
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task GetAsync_StoreAnswersSynchronously_NothingIsShared()
    {
        var store = new HeldReadStore();
        store.Release();
        var coalescer = new StoreReadCoalescer();

        Assert.Equal(HeldReadStore.Value, await coalescer.GetAsync(store, "k", CancellationToken.None));
        Assert.Equal(HeldReadStore.Value, await coalescer.GetAsync(store, "k", CancellationToken.None));
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task GetAsync_DifferentKeys_ReadSeparately()
    {
        var store = new HeldReadStore();
        var coalescer = new StoreReadCoalescer();

        var a = coalescer.GetAsync(store, "a", CancellationToken.None).AsTask();
        var b = coalescer.GetAsync(store, "b", CancellationToken.None).AsTask();
        store.Release();
        await Task.WhenAll(a, b).WaitAsync(HangGuard);

        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task GetAsync_AfterAnInvalidation_DoesNotJoinARead()
    {
        var store = new HeldReadStore();
        var coalescer = new StoreReadCoalescer();

        var before = coalescer.GetAsync(store, "k", CancellationToken.None).AsTask();
        coalescer.Invalidated();
        var after = coalescer.GetAsync(store, "k", CancellationToken.None).AsTask();
        store.Release();
        await Task.WhenAll(before, after).WaitAsync(HangGuard);

        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task GetAsync_OneWaiterCancelled_TheOthersStillGetTheValue()
    {
        var store = new HeldReadStore();
        var coalescer = new StoreReadCoalescer();
        using var cancel = new CancellationTokenSource();

        var cancelled = coalescer.GetAsync(store, "k", cancel.Token).AsTask();
        var other = coalescer.GetAsync(store, "k", CancellationToken.None).AsTask();
        await cancel.CancelAsync();
        store.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(HangGuard));
        Assert.Equal(HeldReadStore.Value, await other.WaitAsync(HangGuard));
    }

    [Fact]
    public async Task GetAsync_StoreThrows_EveryWaiterSeesTheFailureAndTheNextReadTriesAgain()
    {
        var store = new HeldReadStore { Fail = true };
        var coalescer = new StoreReadCoalescer();

        var first = coalescer.GetAsync(store, "k", CancellationToken.None).AsTask();
        var second = coalescer.GetAsync(store, "k", CancellationToken.None).AsTask();
        store.Release();
        await Assert.ThrowsAsync<IOException>(() => first.WaitAsync(HangGuard));
        await Assert.ThrowsAsync<IOException>(() => second.WaitAsync(HangGuard));

        var third = coalescer.GetAsync(store, "k", CancellationToken.None).AsTask();
        await Assert.ThrowsAsync<IOException>(() => third.WaitAsync(HangGuard));
        Assert.Equal(2, store.Reads);
    }

    /// <summary>Every read waits for <see cref="Release"/>, then returns <see cref="Value"/> (or throws).</summary>
    private sealed class HeldReadStore : IResponseCacheStore
    {
        public static readonly byte[] Value = [1, 2, 3];
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public bool Fail { get; init; }

        public int Reads => Volatile.Read(ref _reads);

        public void Release() => _release.TrySetResult();

        public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            await _release.Task;
            return Fail ? throw new IOException("The store is down.") : Value;
        }

        public ValueTask SetAsync(string key, byte[] value, ResponseCacheEntryOptions options, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveByUrlPrefixAsync(string urlPrefix, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ClearAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
