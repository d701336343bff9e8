using Microsoft.Extensions.Logging;

namespace Clinic.Profiles.Internal;

/// <summary>The package's log events, ids 4000-4999. File names are server-generated, never the client's.</summary>
internal static partial class ProfilesLog
{
    [LoggerMessage(4001, LogLevel.Debug, "Accepted a {Format} profile image, stored at {Width}x{Height}.")]
    public static partial void ImageAccepted(ILogger logger, string format, int width, int height);

    [LoggerMessage(4002, LogLevel.Information, "Refused a profile image: {Reason}.")]
    public static partial void ImageRejected(ILogger logger, ProfileImageRejectionReason reason);

    [LoggerMessage(4003, LogLevel.Debug, "Stored media file {Name}.")]
    public static partial void FileSaved(ILogger logger, string name);

    [LoggerMessage(4004, LogLevel.Debug, "Deleted media file {Name}.")]
    public static partial void FileDeleted(ILogger logger, string name);

    [LoggerMessage(4005, LogLevel.Warning, "Deleting media file {Name} failed; the orphan cleanup will remove it.")]
    public static partial void FileDeleteFailed(ILogger logger, string name, Exception exception);

    [LoggerMessage(4006, LogLevel.Warning, "Refused a media name that is not a generated name under the media root.")]
    public static partial void InvalidMediaName(ILogger logger);

    [LoggerMessage(4007, LogLevel.Warning, "Old media files were kept: the context has an open transaction and no Clinic.Signals interceptors to wait for its commit (call UseClinicSignals). RemoveOrphansAsync will delete them.")]
    public static partial void DeletionLeftToCleanup(ILogger logger);

    [LoggerMessage(4010, LogLevel.Information, "Created the profile of user {UserId}.")]
    public static partial void ProfileCreated(ILogger logger, string userId);

    [LoggerMessage(4011, LogLevel.Information, "Removed orphaned media file {Name}.")]
    public static partial void OrphanRemoved(ILogger logger, string name);

    [LoggerMessage(4012, LogLevel.Debug, "Saved the user and profile forms of user {UserId}.")]
    public static partial void ProfileFormSaved(ILogger logger, string userId);

    [LoggerMessage(4013, LogLevel.Debug, "Refused the user and profile forms with {ErrorCount} errors; nothing was saved.")]
    public static partial void ProfileFormRejected(ILogger logger, int errorCount);

    [LoggerMessage(4014, LogLevel.Warning, "Rolling back the profile form's transaction failed; the database discards it with the connection.")]
    public static partial void RollbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(4020, LogLevel.Information, "The scheduled orphan cleanup removed {Removed} unreferenced media files older than {GracePeriod}.")]
    public static partial void OrphanCleanupCompleted(ILogger logger, int removed, TimeSpan gracePeriod);

    [LoggerMessage(4021, LogLevel.Error, "The scheduled orphan cleanup failed; it runs again at the next interval.")]
    public static partial void OrphanCleanupFailed(ILogger logger, Exception exception);
}
