using System.ComponentModel.DataAnnotations;

namespace Clinic.Users;

/// <summary>Sets a password without the old one, for administrators and the reset flow (Django's <c>SetPasswordForm</c>).</summary>
public sealed class SetPasswordViewModel
{
    /// <summary>The new password.</summary>
    [Required(ErrorMessage = "Enter a new password.")]
    [StringLength(ClinicUsersDefaults.MaximumPasswordLength)]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = string.Empty;

    /// <summary>The new password again.</summary>
    [Required(ErrorMessage = "Enter the new password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two password fields didn't match.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password confirmation")]
    public string ConfirmNewPassword { get; set; } = string.Empty;
}
