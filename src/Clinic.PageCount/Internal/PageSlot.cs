namespace Clinic.PageCount.Internal;

/// <summary>
/// The in-memory counter of one page: one pair of cells per stripe, each stripe on its own cache line, so cores
/// increment without contending. Draining exchanges every cell with zero, so each view lands in exactly one drain.
/// </summary>
internal sealed class PageSlot
{
    // 8 longs = 64 bytes between stripes: a stripe's views and bot views share a line no other stripe touches.
    private const int Spacing = 8;
    private readonly long[] _cells;
    private readonly int _stripeMask;

    public PageSlot(string key, int stripes)
    {
        Key = key;
        _stripeMask = stripes - 1;
        _cells = new long[(stripes + 1) * Spacing];
    }

    public string Key { get; }

    /// <summary>Consecutive drains that found nothing (touched only by the single flusher).</summary>
    public int IdleDrains { get; set; }

    public void Increment(bool bot)
    {
        // Stripe 0 starts one line in, so the array header never shares a line with a counter.
        var index = (((Thread.GetCurrentProcessorId() & _stripeMask) + 1) * Spacing) + (bot ? 1 : 0);
        Interlocked.Increment(ref _cells[index]);
    }

    public void Add(long views, long botViews)
    {
        Interlocked.Add(ref _cells[Spacing], views);
        Interlocked.Add(ref _cells[Spacing + 1], botViews);
    }

    public (long Views, long BotViews) Drain()
    {
        long views = 0, bots = 0;
        for (var i = Spacing; i < _cells.Length; i += Spacing)
        {
            views += Interlocked.Exchange(ref _cells[i], 0);
            bots += Interlocked.Exchange(ref _cells[i + 1], 0);
        }

        return (views, bots);
    }

    public (long Views, long BotViews) Peek()
    {
        long views = 0, bots = 0;
        for (var i = Spacing; i < _cells.Length; i += Spacing)
        {
            views += Volatile.Read(ref _cells[i]);
            bots += Volatile.Read(ref _cells[i + 1]);
        }

        return (views, bots);
    }
}
