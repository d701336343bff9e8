namespace Clinic.PageCount;

/// <summary>How unique visitors per page and day are told apart. Only a keyed hash is ever kept, never the raw value.</summary>
public enum UniqueVisitorMode
{
    /// <summary>Unique visitors are not counted (the default; nothing is allocated per request).</summary>
    None = 0,

    /// <summary>By session id (needs <c>app.UseSession()</c> before the page-count middleware and a session that is saved).</summary>
    Session = 1,

    /// <summary>By a keyed hash (HMAC-SHA256) of the client IP address and the day; the raw address is never stored.</summary>
    IpAddressHash = 2,
}
