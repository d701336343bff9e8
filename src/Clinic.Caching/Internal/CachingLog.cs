using Microsoft.Extensions.Logging;

namespace Clinic.Caching.Internal;

/// <summary>The package's log events, ids 6000-6999.</summary>
internal static partial class CachingLog
{
    [LoggerMessage(6001, LogLevel.Debug, "Served {Method} {Path} from the cache.")]
    public static partial void Hit(ILogger logger, string method, string path);

    [LoggerMessage(6002, LogLevel.Debug, "Stored the response to {Method} {Path} for {Seconds} s.")]
    public static partial void Stored(ILogger logger, string method, string path, int seconds);

    [LoggerMessage(6003, LogLevel.Debug, "Did not store the response to {Method} {Path}: {Reason}.")]
    public static partial void NotStored(ILogger logger, string method, string path, string reason);

    [LoggerMessage(6004, LogLevel.Warning, "Reading the cache failed; the request is served without it.")]
    public static partial void ReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(6005, LogLevel.Warning, "Writing to the cache failed; the response was sent but not stored.")]
    public static partial void WriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(6006, LogLevel.Information, "Invalidated cached responses: {Scope}.")]
    public static partial void Invalidated(ILogger logger, string scope);

    [LoggerMessage(6007, LogLevel.Debug, "Waited {Seconds} s for a concurrent render of the same page without a result; rendering it here.")]
    public static partial void StampedeTimedOut(ILogger logger, double seconds);

    [LoggerMessage(6008, LogLevel.Debug, "The file store held {Count} entries; culled {Removed}.")]
    public static partial void Culled(ILogger logger, int count, int removed);

    [LoggerMessage(6009, LogLevel.Debug, "Bypassed the cache for {Method} {Path}: {Reason}.")]
    public static partial void Bypassed(ILogger logger, string method, string path, string reason);
}
