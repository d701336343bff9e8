namespace Clinic.Users;

/// <summary>
/// One change made through the admin panel (Django's <c>LogEntry</c>): who, when, which object and what changed.
/// Written in the same transaction as the change; mapped to <c>ClinicAdminLogEntries</c> by
/// <see cref="ClinicUsersModelBuilderExtensions.ApplyClinicUsers{TUser}(Microsoft.EntityFrameworkCore.ModelBuilder)"/>.
/// </summary>
[ModelPermissions(AppLabel = "admin", VerboseName = "log entry")]
public sealed class AdminLogEntry
{
    /// <summary>The key; increasing, so it also orders entries by time.</summary>
    public long Id { get; set; }

    /// <summary>When the change was made (UTC).</summary>
    public DateTimeOffset ActionTime { get; set; }

    /// <summary>The key of the user who made the change.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The changed model as <c>"app_label.model_name"</c> (Django's content type), at most 200 characters.</summary>
    public string ContentType { get; set; } = string.Empty;

    /// <summary>The changed object's key as text, at most 200 characters.</summary>
    public string ObjectId { get; set; } = string.Empty;

    /// <summary>The object's text representation at the time of the change, at most 200 characters (Django's <c>object_repr</c>).</summary>
    public string ObjectRepr { get; set; } = string.Empty;

    /// <summary>Addition, change or deletion.</summary>
    public AdminLogAction Action { get; set; }

    /// <summary>What changed, in Django's JSON format (<c>[{"changed": {"fields": ["Name"]}}]</c>); empty when nothing is recorded.</summary>
    public string ChangeMessage { get; set; } = string.Empty;
}
