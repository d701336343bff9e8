using Clinic.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Clinic.Profiles.Internal;

/// <summary>Deletes media files after a commit, never failing the caller: a file that cannot be deleted is an orphan for the cleanup.</summary>
internal static class MediaFiles
{
    public static async ValueTask DeleteQuietlyAsync(IMediaStorage storage, ProfilesMetrics metrics, ILogger logger, string? name)
    {
        if (name is null)
        {
            return;
        }

        try
        {
            if (await storage.DeleteAsync(name, CancellationToken.None))
            {
                metrics.FilesDeleted.Add(1);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            ProfilesLog.FileDeleteFailed(logger, name, exception);
        }
    }

    /// <summary>
    /// Deletes the files once the current change is committed: at once when the context has no open transaction,
    /// otherwise when it commits (Clinic.Signals' <c>OnCommit</c>); after a rollback they stay, still referenced.
    /// </summary>
    public static async ValueTask DeleteAfterCommitAsync(DbContext context, IMediaStorage storage, ProfilesMetrics metrics, ILogger logger, string? first, string? second)
    {
        if (first is null && second is null)
        {
            return;
        }

        try
        {
            await context.OnCommitAsync(async _ =>
            {
                await DeleteQuietlyAsync(storage, metrics, logger, first);
                await DeleteQuietlyAsync(storage, metrics, logger, second);
            });
        }
        catch (InvalidOperationException) when (context.Database.CurrentTransaction is null)
        {
            // The context has no Clinic.Signals interceptors, but the change is already committed.
            await DeleteQuietlyAsync(storage, metrics, logger, first);
            await DeleteQuietlyAsync(storage, metrics, logger, second);
        }
        catch (InvalidOperationException)
        {
            // An open transaction and no way to wait for its commit: keep the files; the orphan cleanup decides later.
            ProfilesLog.DeletionLeftToCleanup(logger);
        }
    }
}
