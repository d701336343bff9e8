using Microsoft.EntityFrameworkCore;

namespace Clinic.Signals.Tests.EntityFrameworkCore;

/// <summary>Django's classic: a profile is created when a user is created, by a post-save receiver.</summary>
public sealed class CreateProfileOnUserCreated(SignalsTestDb db) : ISignalReceiver<PostSaveArgs<AppUser>>
{
    public async ValueTask ReceiveAsync(object? sender, PostSaveArgs<AppUser> args, CancellationToken cancellationToken)
    {
        if (!args.Created)
        {
            return;
        }

        db.Profiles.Add(new UserProfile { UserId = args.Entity.Id, DisplayName = "profile of " + args.Entity.Email });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A broken receiver: every save of a user saves the user again.</summary>
public sealed class SaveUserAgainForever : ISignalReceiver<PostSaveArgs<AppUser>>
{
    public ValueTask ReceiveAsync(object? sender, PostSaveArgs<AppUser> args, CancellationToken cancellationToken)
    {
        args.Entity.Logins++;
        args.Context.SaveChanges();
        return ValueTask.CompletedTask;
    }
}
