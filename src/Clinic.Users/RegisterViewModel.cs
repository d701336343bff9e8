using System.ComponentModel.DataAnnotations;

namespace Clinic.Users;

/// <summary>The registration form, password typed twice (Django's <c>UserCreationForm</c>).</summary>
public sealed class RegisterViewModel
{
    /// <summary>The e-mail address, the login name.</summary>
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256)]
    [Display(Name = "Email address")]
    public string Email { get; set; } = string.Empty;

    /// <summary>The given name.</summary>
    [StringLength(150)]
    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    /// <summary>The family name.</summary>
    [StringLength(150)]
    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    /// <summary>The password.</summary>
    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(ClinicUsersDefaults.MaximumPasswordLength)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    /// <summary>The password again.</summary>
    [Required(ErrorMessage = "Enter the same password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two password fields didn't match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password confirmation")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
