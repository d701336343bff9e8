namespace Clinic.Users;

/// <summary>The arguments of <see cref="UserSignals.UserCreated"/>.</summary>
public sealed class UserCreatedArgs
{
    internal UserCreatedArgs(ClinicUser user, IServiceProvider services)
    {
        User = user;
        Services = services;
    }

    /// <summary>The new user, already saved and in the configured default groups.</summary>
    public ClinicUser User { get; }

    /// <summary>The scope's services (for example the user manager, to add the user to groups).</summary>
    public IServiceProvider Services { get; }
}
