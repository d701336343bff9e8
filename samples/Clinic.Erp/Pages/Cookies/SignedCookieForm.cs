using System.ComponentModel.DataAnnotations;

namespace Clinic.Erp.Pages.Cookies;

/// <summary>What the user chooses when setting the signed cookie.</summary>
public sealed class SignedCookieForm
{
    [Required(ErrorMessage = "Enter a value to sign.")]
    [StringLength(100, ErrorMessage = "Keep the value under {1} characters.")]
    public string Value { get; set; } = string.Empty;

    [StringLength(40, ErrorMessage = "Keep the salt under {1} characters.")]
    [RegularExpression("^[A-Za-z0-9_.-]*$", ErrorMessage = "Use letters, digits, '_', '.' or '-' in the salt.")]
    public string? Salt { get; set; }

    /// <summary>How long the browser keeps the cookie (its Expires and Max-Age); empty = until the browser closes.</summary>
    [Display(Name = "Expiry (minutes)")]
    [Range(1, 525_600, ErrorMessage = "The expiry is between {1} and {2} minutes.")]
    public int? ExpiryMinutes { get; set; }

    /// <summary>The oldest signature accepted when the cookie is read back; empty = any age.</summary>
    [Display(Name = "Max age when read (seconds)")]
    [Range(1, 31_536_000, ErrorMessage = "The max age is between {1} and {2} seconds.")]
    public int? MaxAgeSeconds { get; set; }
}
