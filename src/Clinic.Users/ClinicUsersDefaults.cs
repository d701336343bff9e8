namespace Clinic.Users;

/// <summary>Defaults and fixed names of Clinic.Users.</summary>
public static class ClinicUsersDefaults
{
    /// <summary>PBKDF2 iterations of new password hashes: 210,000.</summary>
    public const int PasswordIterations = 210_000;

    /// <summary>Maximum password length: 4,096 characters.</summary>
    public const int MaximumPasswordLength = 4096;

    /// <summary>The app label of groups and permissions themselves (Django's <c>auth</c>).</summary>
    public const string AuthAppLabel = "auth";

    /// <summary>The claim type of the per-sign-in session id put in the authentication cookie.</summary>
    public const string SessionIdClaimType = "clinic:sid";

    /// <summary>
    /// The session key holding the signed-in user's id, written at sign-in when the app has a session (Django's
    /// <c>_auth_user_id</c>): a sign-in on top of another user's session clears that session first.
    /// </summary>
    public const string SessionUserIdKey = "_auth_user_id";

    /// <summary>
    /// The session key holding the client address of the sign-in (as seen after the forwarded-headers middleware),
    /// written at sign-in when the app has a session: <c>_auth_user_ip</c>.
    /// </summary>
    public const string SessionUserIpKey = "_auth_user_ip";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>Clinic.Users</c>.</summary>
    public const string MeterName = "Clinic.Users";
}
