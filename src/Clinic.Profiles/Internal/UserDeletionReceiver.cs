using Clinic.Signals;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Clinic.Profiles.Internal;

/// <summary>
/// Before a user is deleted (the profile row goes with it by cascade), notes the profile's files and deletes them once
/// the deletion is committed.
/// </summary>
internal sealed class UserDeletionReceiver<TUser, TProfile>(IMediaStorage storage, ProfilesMetrics metrics, ILogger<UserDeletionReceiver<TUser, TProfile>> logger)
    : ISignalReceiver<PreDeleteArgs<TUser>>
    where TUser : ClinicUser
    where TProfile : ClinicProfile
{
    public async ValueTask ReceiveAsync(object? sender, PreDeleteArgs<TUser> args, CancellationToken cancellationToken)
    {
        var userId = args.Entity.Id;
        var tracked = args.Context.Set<TProfile>().Local.FirstOrDefault(p => p.UserId == userId);
        var files = tracked is not null
            ? new { tracked.PictureName, tracked.ThumbnailName }
            : await args.Context.Set<TProfile>().AsNoTracking()
                .Where(p => p.UserId == userId)
                .Select(p => new { p.PictureName, p.ThumbnailName })
                .FirstOrDefaultAsync(cancellationToken);
        if (files is not null)
        {
            await MediaFiles.DeleteAfterCommitAsync(args.Context, storage, metrics, logger, files.PictureName, files.ThumbnailName);
        }
    }
}
