using Microsoft.Extensions.Logging;

namespace Clinic.Users.Internal;

/// <summary>Clinic.Users' log messages (event ids 1000-1999). Never passwords, hashes or session keys.</summary>
internal static partial class UsersLog
{
    [LoggerMessage(1000, LogLevel.Information, "Created {Count} missing permissions for {Context}.")]
    public static partial void PermissionsCreated(this ILogger logger, int count, string context);

    [LoggerMessage(1001, LogLevel.Warning, "Another instance created permissions at the same time; retrying once.")]
    public static partial void PermissionsRace(this ILogger logger, Exception exception);

    [LoggerMessage(1002, LogLevel.Warning, "The default group {Group} does not exist; the new user was not added to it.")]
    public static partial void DefaultGroupMissing(this ILogger logger, string group);

    [LoggerMessage(1003, LogLevel.Information, "User {UserId} was created.")]
    public static partial void UserCreated(this ILogger logger, string userId);

    [LoggerMessage(1010, LogLevel.Information, "User {UserId} signed in.")]
    public static partial void SignedIn(this ILogger logger, string userId);

    [LoggerMessage(1011, LogLevel.Information, "User {UserId} signed out.")]
    public static partial void SignedOut(this ILogger logger, string userId);

    [LoggerMessage(1012, LogLevel.Information, "Sign-in failed ({Reason}).")]
    public static partial void SignInFailed(this ILogger logger, string reason);

    [LoggerMessage(1013, LogLevel.Information, "A session of user {UserId} was rejected: {Reason}.")]
    public static partial void SessionRejected(this ILogger logger, string userId, string reason);

    [LoggerMessage(1014, LogLevel.Information, "Password of user {UserId} changed; other sessions end on their next request.")]
    public static partial void PasswordChanged(this ILogger logger, string userId);

    [LoggerMessage(1015, LogLevel.Error, "The password-reset e-mail could not be sent.")]
    public static partial void ResetMailFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1016, LogLevel.Information, "A sign-in on top of another user's session cleared that session.")]
    public static partial void SessionOfAnotherUserCleared(this ILogger logger);

    [LoggerMessage(1020, LogLevel.Information, "A Django {Algorithm} hash was verified; it will be replaced by an Identity hash.")]
    public static partial void DjangoHashVerified(this ILogger logger, string algorithm);

    [LoggerMessage(1021, LogLevel.Warning, "A stored password hash uses the unsupported Django algorithm {Algorithm}; the sign-in was refused. Reset that user's password.")]
    public static partial void DjangoHashUnsupported(this ILogger logger, string algorithm);

    [LoggerMessage(1030, LogLevel.Warning, "Permission check with a malformed permission string; expected \"app_label.codename\".")]
    public static partial void MalformedPermission(this ILogger logger);
}
