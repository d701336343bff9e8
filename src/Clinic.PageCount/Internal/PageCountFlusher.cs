using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Clinic.PageCount.Internal;

/// <summary>Writes what the registry counted to the store, one batch at a time; on failure puts it back.</summary>
[SuppressMessage("Design", "CA1001", Justification = "The gate is deliberately never disposed; see the field.")]
internal sealed class PageCountFlusher
{
    private readonly PageCountRegistry _registry;
    private readonly IPageCountStore _store;
    private readonly PageCountMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    // Never disposed: a host torn down while StopAsync runs (WebApplicationFactory does this) must still be able to
    // take the gate for the final flush; a SemaphoreSlim without a wait handle holds nothing that needs disposing.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public PageCountFlusher(PageCountRegistry registry, IPageCountStore store, PageCountMetrics metrics, TimeProvider timeProvider, ILogger<PageCountFlusher> logger)
    {
        _registry = registry;
        _store = store;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Writes pending views and visits. False when the store failed (everything is kept for the next try).</summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await FlushViewsAsync() & await FlushVisitsAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> FlushViewsAsync()
    {
        var deltas = _registry.Drain();
        if (deltas.Count == 0)
        {
            return true;
        }

        var views = deltas.Sum(d => d.Views + d.BotViews);
        var started = _timeProvider.GetTimestamp();
        try
        {
            // Not cancellable: a write cancelled half-way could not tell whether it committed.
            await _store.IncrementAsync(deltas, CancellationToken.None);
        }
#pragma warning disable CA1031 // Any store failure keeps the counts for the next flush.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _registry.Restore(deltas);
            _metrics.FlushFailed();
            PageCountLog.FlushFailed(_logger, views, deltas.Count, e);
            return false;
        }

        _registry.Complete();
        var elapsed = _timeProvider.GetElapsedTime(started);
        _metrics.Flushed(views, elapsed);
        PageCountLog.Flushed(_logger, views, deltas.Count, elapsed.TotalMilliseconds);
        return true;
    }

    private async Task<bool> FlushVisitsAsync()
    {
        var visits = _registry.DrainVisits();
        if (visits.Count == 0)
        {
            return true;
        }

        try
        {
            await _store.AddVisitsAsync(visits, CancellationToken.None);
            return true;
        }
#pragma warning disable CA1031 // Any store failure keeps the visits for the next flush.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _registry.RestoreVisits(visits);
            _metrics.FlushFailed();
            PageCountLog.VisitsFlushFailed(_logger, visits.Count, e);
            return false;
        }
    }
}
