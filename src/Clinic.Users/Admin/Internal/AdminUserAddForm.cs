using System.ComponentModel.DataAnnotations;

namespace Clinic.Users.Admin.Internal;

/// <summary>The add-user page: an address and the password twice (Django's <c>UserCreationForm</c>).</summary>
internal sealed class AdminUserAddForm
{
    [Required(ErrorMessage = "Enter an email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256)]
    [Display(Name = "Email address")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(ClinicUsersDefaults.MaximumPasswordLength)]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the same password as before, for verification.")]
    [Compare(nameof(Password), ErrorMessage = "The two password fields didn't match.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password confirmation")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
