namespace Clinic.PageCount;

/// <summary>Options of the page-view counters. Validated at start-up.</summary>
public sealed class PageCountOptions
{
    /// <summary>How often counts are written behind to the store. Default 1 second; between 50 ms and 1 hour.</summary>
    public TimeSpan FlushInterval { get; set; } = PageCountDefaults.FlushInterval;

    /// <summary>
    /// Count every endpoint that answers a GET successfully, not only those marked with <c>.WithPageCount()</c> or
    /// <see cref="PageCountAttribute"/>. Default <see langword="false"/>.
    /// </summary>
    public bool CountAllEndpoints { get; set; }

    /// <summary>What names a counter when the endpoint's metadata does not say. Default <see cref="PageCountKey.Path"/>.</summary>
    public PageCountKey KeyBy { get; set; } = PageCountKey.Path;

    /// <summary>
    /// Most distinct counters kept in memory by one process. A view of a page beyond the cap is not counted (and is
    /// reported by the <c>clinic.pagecount.dropped</c> metric). Default 10,000; between 1 and 1,000,000.
    /// </summary>
    public int MaxPages { get; set; } = PageCountDefaults.MaxPages;

    /// <summary>Longest page key counted, in characters; longer paths are not counted. Default 256; between 16 and 2,048.</summary>
    public int MaxKeyLength { get; set; } = PageCountDefaults.MaxKeyLength;

    /// <summary>
    /// Flushes a counter may stay idle before its memory is released (it comes back on the next view). Default 300.
    /// </summary>
    public int IdleFlushesBeforeEviction { get; set; } = PageCountDefaults.IdleFlushesBeforeEviction;

    /// <summary>
    /// Substrings of the <c>User-Agent</c> header (case-insensitive) that mark a request as a bot. Bot views are
    /// counted separately. Default: <see cref="PageCountDefaults.BotUserAgents"/>. Clear the list to count everything as human.
    /// </summary>
    public IList<string> BotUserAgents { get; } = [.. PageCountDefaults.BotUserAgents];

    /// <summary>Whether and how unique visitors per page and day are counted. Default <see cref="UniqueVisitorMode.None"/>.</summary>
    public UniqueVisitorMode UniqueVisitors { get; set; } = UniqueVisitorMode.None;

    /// <summary>
    /// Secret key of the visitor hash (at least 16 characters). Default <see langword="null"/>: a random key per process,
    /// which is fine for one instance; set the same key on every instance so a visitor is counted once across them.
    /// </summary>
    public string? VisitorHashKey { get; set; }

    /// <summary>Most unique-visitor records kept in memory waiting to be written. Default 100,000; between 1 and 10,000,000.</summary>
    public int MaxPendingVisitors { get; set; } = PageCountDefaults.MaxPendingVisitors;

    /// <summary>Attempts of the final flush at shutdown before unwritten counts are given up (and logged). Default 3.</summary>
    public int ShutdownFlushAttempts { get; set; } = PageCountDefaults.ShutdownFlushAttempts;
}
