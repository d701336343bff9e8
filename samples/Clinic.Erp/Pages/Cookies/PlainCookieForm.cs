using System.ComponentModel.DataAnnotations;

namespace Clinic.Erp.Pages.Cookies;

/// <summary>The value of the plain (unsigned) cookie.</summary>
public sealed class PlainCookieForm
{
    [Required(ErrorMessage = "Enter a value for the cookie.")]
    [StringLength(100, ErrorMessage = "Keep the value under {1} characters.")]
    public string Value { get; set; } = string.Empty;
}
