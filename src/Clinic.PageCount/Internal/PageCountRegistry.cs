using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Clinic.PageCount.Internal;

/// <summary>
/// The hot path: every counter of this process, in memory. Incrementing an existing counter is a dictionary lookup and
/// one interlocked add on a per-core cache line; nothing is allocated. The single flusher drains it.
/// </summary>
internal sealed class PageCountRegistry
{
    private readonly ConcurrentDictionary<string, PageSlot> _slots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _patternKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PageVisit, byte> _visits = new();
    // Evicted counters are still drained for a while: a request may have looked one up just before it was removed.
    private const long RetiredMilliseconds = 10_000;
    private readonly List<(PageSlot Slot, long RetiredAt, int Drains)> _retired = [];
    private readonly PageCountMetrics _metrics;
    private readonly int _stripes;
    private readonly int _maxPages;
    private readonly int _maxKeyLength;
    private readonly int _idleDrainsBeforeEviction;
    private readonly int _maxPendingVisitors;
    private long _generation;
    private int _slotCount;
    private int _visitCount;
    private Dictionary<string, PageCountDelta>? _inFlight;

    public PageCountRegistry(IOptions<PageCountOptions> options, PageCountMetrics metrics)
    {
        var o = options.Value;
        _metrics = metrics;
        _maxPages = o.MaxPages;
        _maxKeyLength = o.MaxKeyLength;
        _idleDrainsBeforeEviction = o.IdleFlushesBeforeEviction;
        _maxPendingVisitors = o.MaxPendingVisitors;
        _stripes = (int)Math.Min(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount));
        metrics.ObserveUnflushed(() => UnflushedViews);
    }

    /// <summary>
    /// Odd while a drained batch is being written, incremented when it is written or put back: a reader that sees the
    /// same even value before and after reading the store and the counters has a consistent sum.
    /// </summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>Distinct counters held now.</summary>
    public int Count => Volatile.Read(ref _slotCount);

    /// <summary>Views (human and bot) counted but not yet written.</summary>
    public long UnflushedViews
    {
        get
        {
            long total = 0;
            foreach (var pair in _slots)
            {
                var (v, b) = pair.Value.Peek();
                total += v + b;
            }

            var inFlight = Volatile.Read(ref _inFlight);
            if (inFlight is not null)
            {
                foreach (var delta in inFlight.Values)
                {
                    total += delta.Views + delta.BotViews;
                }
            }

            return total;
        }
    }

    /// <summary>The key of a route pattern, cached so that counting by pattern allocates nothing.</summary>
    public string PatternKey(string rawText)
    {
        if (_patternKeys.TryGetValue(rawText, out var key))
        {
            return key;
        }

        return _patternKeys.Count < _maxPages ? _patternKeys.GetOrAdd(rawText, PageKeys.Normalize(rawText)) : PageKeys.Normalize(rawText);
    }

    /// <summary>Counts one view. Returns the counter's key, or null when the view was not counted (cap reached, key too long).</summary>
    public string? Increment(string key, bool bot)
    {
        if (!_slots.TryGetValue(key, out var slot))
        {
            slot = AddSlot(key, enforceCap: true);
            if (slot is null)
            {
                _metrics.Dropped();
                return null;
            }
        }

        slot.Increment(bot);
        return slot.Key;
    }

    private PageSlot? AddSlot(string key, bool enforceCap)
    {
        if (enforceCap && key.Length > _maxKeyLength)
        {
            return null;
        }

        if (Interlocked.Increment(ref _slotCount) > _maxPages && enforceCap)
        {
            Interlocked.Decrement(ref _slotCount);
            return null;
        }

        var created = new PageSlot(PageKeys.Normalize(key), _stripes);
        var actual = _slots.GetOrAdd(created.Key, created);
        if (!ReferenceEquals(actual, created))
        {
            Interlocked.Decrement(ref _slotCount);
        }

        return actual;
    }

    /// <summary>Records a unique visit to be written. False when the pending set is full.</summary>
    public bool AddVisit(PageVisit visit)
    {
        if (_visits.ContainsKey(visit))
        {
            return true;
        }

        if (Interlocked.Increment(ref _visitCount) > _maxPendingVisitors)
        {
            Interlocked.Decrement(ref _visitCount);
            _metrics.VisitorsDropped();
            return false;
        }

        if (!_visits.TryAdd(visit, 0))
        {
            Interlocked.Decrement(ref _visitCount);
        }

        return true;
    }

    /// <summary>Pending visits of a page and day not yet written.</summary>
    public long PendingVisits(string page, DateOnly day)
    {
        long n = 0;
        foreach (var pair in _visits)
        {
            if (pair.Key.Day == day && string.Equals(pair.Key.Page, page, StringComparison.Ordinal))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>
    /// Takes every counted view out of the counters (the caller must be the only flusher) and marks it in flight, so
    /// reads still include it until <see cref="Complete"/> or <see cref="Restore"/>.
    /// </summary>
    public List<PageCountDelta> Drain()
    {
        EndFlush();
        Interlocked.Increment(ref _generation);
        var totals = new Dictionary<string, PageCountDelta>(StringComparer.Ordinal);
        foreach (var pair in _slots)
        {
            var slot = pair.Value;
            var (views, bots) = slot.Drain();
            if (views == 0 && bots == 0)
            {
                if (++slot.IdleDrains >= _idleDrainsBeforeEviction && _slots.TryRemove(new KeyValuePair<string, PageSlot>(pair.Key, slot)))
                {
                    Interlocked.Decrement(ref _slotCount);
                    // A request that found the slot just before it was removed may still increment it: keep draining it
                    // for at least two more flushes and ten seconds (a thread would have to stall that long between two
                    // adjacent instructions for a view to be missed).
                    _retired.Add((slot, Environment.TickCount64, 0));
                }

                continue;
            }

            slot.IdleDrains = 0;
            Accumulate(totals, slot.Key, views, bots);
        }

        for (var i = _retired.Count - 1; i >= 0; i--)
        {
            var (slot, retiredAt, drains) = _retired[i];
            var (views, bots) = slot.Drain();
            Accumulate(totals, slot.Key, views, bots);
            if (drains >= 2 && Environment.TickCount64 - retiredAt >= RetiredMilliseconds)
            {
                _retired.RemoveAt(i);
            }
            else
            {
                _retired[i] = (slot, retiredAt, drains + 1);
            }
        }

        Volatile.Write(ref _inFlight, totals.Count == 0 ? null : totals);
        if (totals.Count == 0)
        {
            EndFlush();
        }

        var list = totals.Values.ToList();
        // A fixed order: two instances upserting the same pages in one transaction each never deadlock.
        list.Sort(static (a, b) => string.CompareOrdinal(a.Page, b.Page));
        return list;
    }

    private static void Accumulate(Dictionary<string, PageCountDelta> totals, string key, long views, long bots)
    {
        if (views == 0 && bots == 0)
        {
            return;
        }

        totals[key] = totals.TryGetValue(key, out var existing)
            ? existing with { Views = existing.Views + views, BotViews = existing.BotViews + bots }
            : new PageCountDelta(key, views, bots);
    }

    /// <summary>The drained views were written: they are no longer in flight.</summary>
    public void Complete()
    {
        Volatile.Write(ref _inFlight, null);
        EndFlush();
    }

    private void EndFlush()
    {
        if ((Volatile.Read(ref _generation) & 1) == 1)
        {
            Interlocked.Increment(ref _generation);
        }
    }

    /// <summary>The drained views could not be written: put them back (beyond the cap, so nothing is lost).</summary>
    public void Restore(IReadOnlyList<PageCountDelta> deltas)
    {
        foreach (var delta in deltas)
        {
            var slot = _slots.TryGetValue(delta.Page, out var existing) ? existing : AddSlot(delta.Page, enforceCap: false)!;
            slot.Add(delta.Views, delta.BotViews);
        }

        Volatile.Write(ref _inFlight, null);
        EndFlush();
    }

    /// <summary>Takes every pending visit out.</summary>
    public List<PageVisit> DrainVisits()
    {
        var list = new List<PageVisit>();
        foreach (var pair in _visits)
        {
            if (_visits.TryRemove(pair.Key, out _))
            {
                Interlocked.Decrement(ref _visitCount);
                list.Add(pair.Key);
            }
        }

        return list;
    }

    /// <summary>Puts visits back after a failed write (as far as the cap allows).</summary>
    public void RestoreVisits(IReadOnlyList<PageVisit> visits)
    {
        foreach (var visit in visits)
        {
            AddVisit(visit);
        }
    }

    /// <summary>Views of a page counted here and not yet written (including a write in progress).</summary>
    public (long Views, long BotViews) Unflushed(string key)
    {
        long views = 0, bots = 0;
        if (_slots.TryGetValue(key, out var slot))
        {
            (views, bots) = slot.Peek();
        }

        var inFlight = Volatile.Read(ref _inFlight);
        if (inFlight is not null && inFlight.TryGetValue(key, out var delta))
        {
            views += delta.Views;
            bots += delta.BotViews;
        }

        return (views, bots);
    }

    /// <summary>Every page with views not yet written.</summary>
    public IEnumerable<PageCountSnapshot> UnflushedPages()
    {
        foreach (var pair in _slots)
        {
            var (views, bots) = Unflushed(pair.Value.Key);
            if (views != 0 || bots != 0)
            {
                yield return new PageCountSnapshot(pair.Value.Key, views, bots);
            }
        }
    }
}
