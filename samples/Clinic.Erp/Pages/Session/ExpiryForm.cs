using System.ComponentModel.DataAnnotations;

namespace Clinic.Erp.Pages.Session;

/// <summary>The per-session expiry the user picks.</summary>
public sealed class ExpiryForm
{
    /// <summary>Minutes of inactivity before the session expires; 0 = when the browser closes.</summary>
    [Display(Name = "Expire after (minutes, 0 = when the browser closes)")]
    [Required(ErrorMessage = "Enter a number of minutes.")]
    [Range(0, 20_160, ErrorMessage = "Pick between {1} and {2} minutes (two weeks).")]
    public int? Minutes { get; set; }
}
