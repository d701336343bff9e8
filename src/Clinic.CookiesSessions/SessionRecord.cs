namespace Clinic.CookiesSessions;

/// <summary>One stored session: its key, its data (a JSON object) and when it expires. Also the EF Core entity.</summary>
public sealed class SessionRecord
{
    /// <summary>The session key: 32 characters from <c>[a-z0-9]</c> (Django's keys are accepted too: 8 to 64 of them).</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The session data as a JSON object (keys to JSON values, Django's session dictionary).</summary>
    public string Data { get; set; } = "{}";

    /// <summary>When the session expires (UTC). An expired record is never loaded.</summary>
    public DateTime ExpiresUtc { get; set; }
}
