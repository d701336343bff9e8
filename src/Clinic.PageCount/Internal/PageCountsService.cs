namespace Clinic.PageCount.Internal;

/// <summary>Reads stored counts and adds what this process has not written yet.</summary>
internal sealed class PageCountsService : IPageCounts
{
    public const int MaxTop = 1000;
    private const int MaxReadAttempts = 5;
    private readonly IPageCountStore _store;
    private readonly PageCountRegistry _registry;
    private readonly PageCountFlusher _flusher;

    public PageCountsService(IPageCountStore store, PageCountRegistry registry, PageCountFlusher flusher)
    {
        _store = store;
        _registry = registry;
        _flusher = flusher;
    }

    public async Task<PageCountSnapshot> GetAsync(string page, CancellationToken cancellationToken = default)
    {
        var key = PageKeys.Normalize(page);
        for (var attempt = 1; ; attempt++)
        {
            var before = _registry.Generation;
            var stored = await _store.GetAsync(key, cancellationToken);
            var (views, bots) = _registry.Unflushed(key);
            if (await ConsistentAsync(before, attempt, cancellationToken))
            {
                return new PageCountSnapshot(key, (stored?.Views ?? 0) + views, (stored?.BotViews ?? 0) + bots);
            }
        }
    }

    /// <summary>
    /// True when no batch was written while the store and the counters were read (else a view could be missed or
    /// counted twice), or after the last attempt; otherwise waits a moment for the write to end.
    /// </summary>
    private async Task<bool> ConsistentAsync(long before, int attempt, CancellationToken cancellationToken)
    {
        if (((before & 1) == 0 && before == _registry.Generation) || attempt >= MaxReadAttempts)
        {
            return true;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(5 * attempt), cancellationToken);
        return false;
    }

    public async Task<IReadOnlyList<PageCountSnapshot>> GetTopAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxTop);
        for (var attempt = 1; ; attempt++)
        {
            var before = _registry.Generation;
            var top = await ReadTopAsync(count, cancellationToken);
            if (await ConsistentAsync(before, attempt, cancellationToken))
            {
                return top;
            }
        }
    }

    private async Task<IReadOnlyList<PageCountSnapshot>> ReadTopAsync(int count, CancellationToken cancellationToken)
    {
        var stored = await _store.GetTopAsync(count, cancellationToken);
        var merged = new Dictionary<string, PageCountSnapshot>(StringComparer.Ordinal);
        foreach (var s in stored)
        {
            var (views, bots) = _registry.Unflushed(s.Page);
            merged[s.Page] = s with { Views = s.Views + views, BotViews = s.BotViews + bots };
        }

        // When the store returned fewer rows than asked, it holds no other page: pages only counted here are exact too.
        if (stored.Count < count)
        {
            foreach (var local in _registry.UnflushedPages())
            {
                merged.TryAdd(local.Page, local);
            }
        }

        return [.. merged.Values
            .OrderByDescending(s => s.Views)
            .ThenBy(s => s.Page, StringComparer.Ordinal)
            .Take(count)];
    }

    public async Task<long> GetUniqueVisitorsAsync(string page, DateOnly day, CancellationToken cancellationToken = default)
    {
        var key = PageKeys.Normalize(page);
        return await _store.CountVisitorsAsync(key, day, cancellationToken) + _registry.PendingVisits(key, day);
    }

    public Task<bool> FlushAsync(CancellationToken cancellationToken = default) => _flusher.FlushAsync(cancellationToken);
}
