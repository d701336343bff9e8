using System.ComponentModel.DataAnnotations;

namespace Clinic.Users;

/// <summary>The "forgot my password" form (Django's <c>PasswordResetForm</c>).</summary>
public sealed class PasswordResetRequestViewModel
{
    /// <summary>The e-mail address of the account.</summary>
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256)]
    [Display(Name = "Email address")]
    public string Email { get; set; } = string.Empty;
}
