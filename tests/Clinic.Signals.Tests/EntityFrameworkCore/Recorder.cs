namespace Clinic.Signals.Tests.EntityFrameworkCore;

/// <summary>A receiver in dependency injection that writes every signal it gets to the <see cref="SignalLog"/>.</summary>
public sealed class Recorder<TArgs>(SignalLog log) : ISignalReceiver<TArgs>
    where TArgs : class
{
    public ValueTask ReceiveAsync(object? sender, TArgs args, CancellationToken cancellationToken)
    {
        log.Add(Name(args), args);
        return ValueTask.CompletedTask;
    }

    private static string Name(TArgs args) => args switch
    {
        PreSaveArgs<Doctor> a => $"pre_save Doctor {a.Entity.Name} created={a.Created}",
        PostSaveArgs<Doctor> a => $"post_save Doctor {a.Entity.Name} created={a.Created}",
        PreDeleteArgs<Doctor> a => $"pre_delete Doctor {a.Entity.Name}",
        PostDeleteArgs<Doctor> a => $"post_delete Doctor {a.Entity.Name}",
        PreSaveArgs<Patient> a => $"pre_save Patient {a.Entity.Name} created={a.Created}",
        PostSaveArgs<Patient> a => $"post_save Patient {a.Entity.Name} created={a.Created}",
        PreDeleteArgs<Patient> a => $"pre_delete Patient {a.Entity.Name}",
        PostDeleteArgs<Patient> a => $"post_delete Patient {a.Entity.Name}",
        PreSaveArgs<AppUser> a => $"pre_save AppUser {a.Entity.Email} created={a.Created}",
        PostSaveArgs<AppUser> a => $"post_save AppUser {a.Entity.Email} created={a.Created}",
        PreSaveArgs<UserProfile> a => $"pre_save UserProfile {a.Entity.DisplayName} created={a.Created}",
        PostSaveArgs<UserProfile> a => $"post_save UserProfile {a.Entity.DisplayName} created={a.Created}",
        SaveFailedArgs a => $"save_failed {a.Exception.GetType().Name}",
        _ => typeof(TArgs).Name,
    };
}
