using Microsoft.Extensions.Logging;

namespace Clinic.CookiesSessions.Internal;

/// <summary>Every log event of the package (event ids 3000-3999). Values, keys and session ids are never logged.</summary>
internal static partial class CookiesSessionsLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Signed cookie '{CookieName}' was rejected: {Status}. It is treated as absent.")]
    public static partial void SignedCookieRejected(ILogger logger, string cookieName, SignedCookieStatus status);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Signed cookie '{CookieName}' has expired. It is treated as absent.")]
    public static partial void SignedCookieExpired(ILogger logger, string cookieName);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "The session cookie was rejected ({Reason}); a new, empty session is used.")]
    public static partial void SessionCookieRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "The session in the request is unknown or expired; it is not adopted.")]
    public static partial void SessionNotFound(ILogger logger);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Loading the session failed.")]
    public static partial void SessionLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Saving the session failed; the response reports the failure.")]
    public static partial void SessionSaveFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "The session was not saved because the response status is {StatusCode}.")]
    public static partial void SessionNotSavedOnError(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "A stored session record could not be decoded; it is treated as absent.")]
    public static partial void SessionRecordCorrupt(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "Removed {Count} expired sessions.")]
    public static partial void ExpiredSessionsRemoved(ILogger logger, int count);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Error, Message = "Removing expired sessions failed; the next run tries again.")]
    public static partial void SessionCleanupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Warning, Message = "The session cache could not be read or filled; the database answers instead.")]
    public static partial void SessionCacheReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3109, Level = LogLevel.Error, Message = "The session cache could not be written after a database change.")]
    public static partial void SessionCacheWriteFailed(ILogger logger, Exception exception);
}
