namespace Clinic.PageCount;

/// <summary>Where counts are kept. Writes are batched by the package; a store applies each batch atomically.</summary>
public interface IPageCountStore
{
    /// <summary>Adds every delta to its page's counts, all or nothing (one atomic upsert per page, in one transaction).</summary>
    Task IncrementAsync(IReadOnlyList<PageCountDelta> deltas, CancellationToken cancellationToken);

    /// <summary>The stored counts of a page, or <see langword="null"/> when the page was never counted.</summary>
    Task<PageCountSnapshot?> GetAsync(string page, CancellationToken cancellationToken);

    /// <summary>The <paramref name="count"/> pages with the most human views, most first.</summary>
    Task<IReadOnlyList<PageCountSnapshot>> GetTopAsync(int count, CancellationToken cancellationToken);

    /// <summary>Records unique visitors; a visit already recorded is ignored.</summary>
    Task AddVisitsAsync(IReadOnlyList<PageVisit> visits, CancellationToken cancellationToken);

    /// <summary>How many unique visitors a page had on a day.</summary>
    Task<long> CountVisitorsAsync(string page, DateOnly day, CancellationToken cancellationToken);
}
