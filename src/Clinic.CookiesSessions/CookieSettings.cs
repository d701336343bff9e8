using Microsoft.AspNetCore.Http;

namespace Clinic.CookiesSessions;

/// <summary>Per-cookie overrides of <see cref="ClinicCookieOptions"/>; a <see langword="null"/> property keeps the default.</summary>
public sealed class CookieSettings
{
    /// <summary>
    /// How long the browser keeps the cookie. As in Django it also sets a matching <c>Expires</c> date.
    /// None (a browser-session cookie) by default.
    /// </summary>
    public TimeSpan? MaxAge { get; set; }

    /// <summary>
    /// When the browser drops the cookie. As in Django, a date also sets <c>Max-Age</c> to the whole seconds until it
    /// (rounded up, at least 0), and it wins over <see cref="MaxAge"/> when both are given.
    /// </summary>
    public DateTimeOffset? Expires { get; set; }

    /// <summary>Overrides <see cref="ClinicCookieOptions.Path"/>.</summary>
    public string? Path { get; set; }

    /// <summary>Overrides <see cref="ClinicCookieOptions.Domain"/>.</summary>
    public string? Domain { get; set; }

    /// <summary>Overrides <see cref="ClinicCookieOptions.SecurePolicy"/>: <see langword="true"/> always sets Secure, <see langword="false"/> never.</summary>
    public bool? Secure { get; set; }

    /// <summary>Overrides <see cref="ClinicCookieOptions.HttpOnly"/>.</summary>
    public bool? HttpOnly { get; set; }

    /// <summary>Overrides <see cref="ClinicCookieOptions.SameSite"/>.</summary>
    public SameSiteMode? SameSite { get; set; }
}
