using System.ComponentModel.DataAnnotations;

namespace Clinic.Users;

/// <summary>The sign-in form (Django's <c>AuthenticationForm</c>).</summary>
public sealed class LoginViewModel
{
    /// <summary>The e-mail address.</summary>
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(256)]
    [Display(Name = "Email address")]
    public string Email { get; set; } = string.Empty;

    /// <summary>The password (never echoed back into the form).</summary>
    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(ClinicUsersDefaults.MaximumPasswordLength)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    /// <summary>Whether the cookie outlives the browser session.</summary>
    [Display(Name = "Remember me")]
    public bool RememberMe { get; set; }
}
