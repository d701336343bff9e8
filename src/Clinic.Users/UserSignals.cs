using Clinic.Signals;

namespace Clinic.Users;

/// <summary>
/// The user signals (Django's <c>user_logged_in</c>, <c>user_logged_out</c>, <c>user_login_failed</c>, and a
/// user-created signal in place of <c>post_save(created=True)</c>). They are sent through the request's
/// <see cref="ISignalDispatcher"/> with <c>SendRobustAsync</c>: a failing receiver is logged and does not break the
/// sign-in. Connect with <c>UserSignals.LoggedIn.Connect(...)</c> or register a receiver with
/// <c>services.AddSignalReceiver&lt;UserLoggedInArgs, MyReceiver&gt;()</c>. The sender is the sign-in or user manager.
/// </summary>
public static class UserSignals
{
    /// <summary>Sent after a successful sign-in (not after a cookie refresh).</summary>
    public static Signal<UserLoggedInArgs> LoggedIn { get; } = new("user_logged_in");

    /// <summary>Sent after a sign-out of a signed-in user.</summary>
    public static Signal<UserLoggedOutArgs> LoggedOut { get; } = new("user_logged_out");

    /// <summary>Sent after a failed sign-in, with the address tried and never the password.</summary>
    public static Signal<UserLoginFailedArgs> LoginFailed { get; } = new("user_login_failed");

    /// <summary>Sent after a user was created and put in the default groups; the place to decide other groups.</summary>
    public static Signal<UserCreatedArgs> UserCreated { get; } = new("user_created");
}
