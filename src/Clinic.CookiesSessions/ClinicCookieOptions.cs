using Microsoft.AspNetCore.Http;

namespace Clinic.CookiesSessions;

/// <summary>Defaults for every cookie the helpers write; a single call can override them with <see cref="CookieSettings"/>.</summary>
public sealed class ClinicCookieOptions
{
    /// <summary>Browsers drop cookies whose name and value exceed 4096 bytes.</summary>
    public const int BrowserCookieLimit = 4096;

    /// <summary>Whether scripts are kept away from the cookie; <see langword="true"/> by default.</summary>
    public bool HttpOnly { get; set; } = true;

    /// <summary>The SameSite attribute; <see cref="SameSiteMode.Lax"/> by default. <see cref="SameSiteMode.None"/> forces Secure.</summary>
    public SameSiteMode SameSite { get; set; } = SameSiteMode.Lax;

    /// <summary>When the Secure attribute is set; <see cref="CookieSecurePolicy.SameAsRequest"/> (on HTTPS requests) by default.</summary>
    public CookieSecurePolicy SecurePolicy { get; set; } = CookieSecurePolicy.SameAsRequest;

    /// <summary>The Path attribute; <c>/</c> by default. Must start with <c>/</c>.</summary>
    public string Path { get; set; } = "/";

    /// <summary>The Domain attribute; none by default (the cookie goes back to the exact host only).</summary>
    public string? Domain { get; set; }

    /// <summary>The largest cookie (name, <c>=</c> and value, in bytes) a write accepts; 4096 by default. Larger writes throw <see cref="CookieTooLargeException"/>.</summary>
    public int MaxCookieSize { get; set; } = BrowserCookieLimit;
}
