using Microsoft.Extensions.Logging;

namespace Clinic.PageCount.Internal;

/// <summary>Log messages of Clinic.PageCount (event ids 5000-5999).</summary>
internal static partial class PageCountLog
{
    [LoggerMessage(5000, LogLevel.Warning, "Writing {Views} page views ({Pages} pages) to the store failed; they are kept in memory and retried.")]
    public static partial void FlushFailed(ILogger logger, long views, int pages, Exception exception);

    [LoggerMessage(5001, LogLevel.Debug, "Wrote {Views} page views ({Pages} pages) to the store in {Milliseconds} ms.")]
    public static partial void Flushed(ILogger logger, long views, int pages, double milliseconds);

    [LoggerMessage(5002, LogLevel.Error, "Shutting down with {Views} page views the store did not accept; they are lost.")]
    public static partial void ViewsLostAtShutdown(ILogger logger, long views);

    [LoggerMessage(5003, LogLevel.Warning, "Writing {Visits} unique visits to the store failed; they are kept in memory and retried.")]
    public static partial void VisitsFlushFailed(ILogger logger, int visits, Exception exception);

    [LoggerMessage(5004, LogLevel.Warning, "Counting a page view failed; the request is not affected.")]
    public static partial void CountFailed(ILogger logger, Exception exception);
}
