using Microsoft.Extensions.Logging;

namespace Clinic.Users.Admin.Internal;

/// <summary>The admin panel's log messages (event ids 1100-1199 of Clinic.Users' range).</summary>
internal static partial class AdminLog
{
    [LoggerMessage(1100, LogLevel.Warning, "User {UserId} was refused entry to the admin (not an active staff member).")]
    public static partial void AdminEntryRefused(this ILogger logger, string userId);

    [LoggerMessage(1101, LogLevel.Warning, "User {UserId} was refused {Permission} in the admin.")]
    public static partial void AdminPermissionRefused(this ILogger logger, string userId, string permission);

    [LoggerMessage(1102, LogLevel.Warning, "User {UserId} tried to grant {What} they may not grant to {TargetId}; the change was refused.")]
    public static partial void EscalationRefused(this ILogger logger, string userId, string what, string targetId);

    [LoggerMessage(1103, LogLevel.Information, "User {UserId} {Action} {ContentType} {ObjectId} in the admin.")]
    public static partial void AdminChange(this ILogger logger, string userId, string action, string contentType, string objectId);
}
