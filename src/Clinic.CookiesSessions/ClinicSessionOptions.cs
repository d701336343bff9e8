using Microsoft.AspNetCore.Http;

namespace Clinic.CookiesSessions;

/// <summary>Session settings, with Django's defaults.</summary>
public sealed class ClinicSessionOptions
{
    /// <summary>The session cookie's name; <c>sessionid</c> by default (Django's <c>SESSION_COOKIE_NAME</c>).</summary>
    public string CookieName { get; set; } = "sessionid";

    /// <summary>How long a session lives after its last save; two weeks by default (Django's <c>SESSION_COOKIE_AGE</c>).</summary>
    public TimeSpan DefaultExpiry { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Save (and so extend) the session on every request, not only when modified; <see langword="false"/> by default.</summary>
    public bool SaveEveryRequest { get; set; }

    /// <summary>Send the cookie without an expiry date unless a session sets its own; <see langword="false"/> by default.</summary>
    public bool ExpireAtBrowserClose { get; set; }

    /// <summary>Cycle the session key when a cookie sign-in happens and flush the session at sign-out; <see langword="true"/> by default.</summary>
    public bool CycleKeyOnSignIn { get; set; } = true;

    /// <summary>How often the background service removes expired sessions; one hour by default. Zero or less turns it off.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The cookie's Path; <c>/</c> by default.</summary>
    public string CookiePath { get; set; } = "/";

    /// <summary>The cookie's Domain; none (host-only) by default.</summary>
    public string? CookieDomain { get; set; }

    /// <summary>The cookie's SameSite; <see cref="SameSiteMode.Lax"/> by default.</summary>
    public SameSiteMode CookieSameSite { get; set; } = SameSiteMode.Lax;

    /// <summary>When the cookie is Secure; on HTTPS requests by default.</summary>
    public CookieSecurePolicy CookieSecurePolicy { get; set; } = CookieSecurePolicy.SameAsRequest;
}
