using System.Collections.Concurrent;

namespace Clinic.PageCount.Internal;

/// <summary>The default store: counts live as long as the process (development and tests).</summary>
internal sealed class InMemoryPageCountStore : IPageCountStore
{
    private readonly ConcurrentDictionary<string, PageCountSnapshot> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PageVisit, byte> _visits = new();
    private readonly Lock _lock = new();

    public Task IncrementAsync(IReadOnlyList<PageCountDelta> deltas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        lock (_lock)
        {
            foreach (var d in deltas)
            {
                _counts[d.Page] = _counts.TryGetValue(d.Page, out var s)
                    ? s with { Views = s.Views + d.Views, BotViews = s.BotViews + d.BotViews }
                    : new PageCountSnapshot(d.Page, d.Views, d.BotViews);
            }
        }

        return Task.CompletedTask;
    }

    public Task<PageCountSnapshot?> GetAsync(string page, CancellationToken cancellationToken) =>
        Task.FromResult(_counts.TryGetValue(page, out var s) ? s : (PageCountSnapshot?)null);

    public Task<IReadOnlyList<PageCountSnapshot>> GetTopAsync(int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PageCountSnapshot>>(
            [.. _counts.Values.OrderByDescending(s => s.Views).ThenBy(s => s.Page, StringComparer.Ordinal).Take(count)]);

    public Task AddVisitsAsync(IReadOnlyList<PageVisit> visits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visits);
        foreach (var v in visits)
        {
            _visits.TryAdd(v, 0);
        }

        return Task.CompletedTask;
    }

    public Task<long> CountVisitorsAsync(string page, DateOnly day, CancellationToken cancellationToken) =>
        Task.FromResult(_visits.Keys.LongCount(v => v.Day == day && string.Equals(v.Page, page, StringComparison.Ordinal)));
}
