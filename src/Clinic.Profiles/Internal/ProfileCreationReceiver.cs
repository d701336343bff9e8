using Clinic.Signals;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Clinic.Profiles.Internal;

/// <summary>Creates the profile of a newly created user (Django's post-save receiver), in the same context.</summary>
internal sealed class ProfileCreationReceiver<TUser, TProfile>(ProfilesMetrics metrics, ILogger<ProfileCreationReceiver<TUser, TProfile>> logger)
    : ISignalReceiver<PostSaveArgs<TUser>>
    where TUser : ClinicUser
    where TProfile : ClinicProfile, new()
{
    public async ValueTask ReceiveAsync(object? sender, PostSaveArgs<TUser> args, CancellationToken cancellationToken)
    {
        if (!args.Created)
        {
            return;
        }

        var userId = args.Entity.Id;
        var profiles = args.Context.Set<TProfile>();
        if (profiles.Local.Any(p => p.UserId == userId)
            || await profiles.AsNoTracking().AnyAsync(p => p.UserId == userId, cancellationToken))
        {
            return;
        }

        profiles.Add(new TProfile { UserId = userId });
        await args.Context.SaveChangesAsync(cancellationToken);
        metrics.ProfilesCreated.Add(1);
        ProfilesLog.ProfileCreated(logger, userId);
    }
}
