using Clinic.Signals;
using Microsoft.Extensions.Logging;

namespace Clinic.Profiles.Internal;

/// <summary>After a profile is deleted, deletes its files once the deletion is committed.</summary>
internal sealed class ProfileDeletionReceiver<TProfile>(IMediaStorage storage, ProfilesMetrics metrics, ILogger<ProfileDeletionReceiver<TProfile>> logger)
    : ISignalReceiver<PostDeleteArgs<TProfile>>
    where TProfile : ClinicProfile
{
    public ValueTask ReceiveAsync(object? sender, PostDeleteArgs<TProfile> args, CancellationToken cancellationToken) =>
        MediaFiles.DeleteAfterCommitAsync(args.Context, storage, metrics, logger, args.Entity.PictureName, args.Entity.ThumbnailName);
}
