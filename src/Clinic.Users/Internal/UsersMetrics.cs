using System.Diagnostics.Metrics;

namespace Clinic.Users.Internal;

/// <summary>Counters on the <c>Clinic.Users</c> meter.</summary>
internal sealed class UsersMetrics
{
    public UsersMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ClinicUsersDefaults.MeterName);
        PermissionLoads = meter.CreateCounter<long>("clinic.users.permission_loads", description: "Permission sets loaded from the database.");
        SignIns = meter.CreateCounter<long>("clinic.users.sign_ins", description: "Successful sign-ins.");
        SignInFailures = meter.CreateCounter<long>("clinic.users.sign_in_failures", description: "Failed sign-ins.");
        SessionsRejected = meter.CreateCounter<long>("clinic.users.sessions_rejected", description: "Authentication cookies refused because the session was ended.");
        SessionStateMisses = meter.CreateCounter<long>("clinic.users.session_state_misses", description: "Session state read from the database because the cache had none.");
    }

    public Counter<long> PermissionLoads { get; }

    public Counter<long> SignIns { get; }

    public Counter<long> SignInFailures { get; }

    public Counter<long> SessionsRejected { get; }

    public Counter<long> SessionStateMisses { get; }
}
