namespace Clinic.PageCount;

/// <summary>Reads counts (including views not yet written to the store by this process) and flushes on demand.</summary>
public interface IPageCounts
{
    /// <summary>The counts of a page: stored plus not yet flushed by this process. Zero when never counted.</summary>
    /// <param name="page">A path such as <c>/doctors/7</c> or a route pattern such as <c>/doctors/{id}</c> (case-insensitive).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<PageCountSnapshot> GetAsync(string page, CancellationToken cancellationToken = default);

    /// <summary>The <paramref name="count"/> pages with the most human views (1 to 1,000), most first.</summary>
    Task<IReadOnlyList<PageCountSnapshot>> GetTopAsync(int count, CancellationToken cancellationToken = default);

    /// <summary>Unique visitors of a page on a day (UTC), when <see cref="PageCountOptions.UniqueVisitors"/> is on.</summary>
    Task<long> GetUniqueVisitorsAsync(string page, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Writes pending counts now. Returns <see langword="false"/> when the store failed (counts are kept and retried).</summary>
    Task<bool> FlushAsync(CancellationToken cancellationToken = default);
}
