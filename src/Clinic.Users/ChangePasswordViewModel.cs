using System.ComponentModel.DataAnnotations;

namespace Clinic.Users;

/// <summary>The password change form: the current password and the new one twice (Django's <c>PasswordChangeForm</c>).</summary>
public sealed class ChangePasswordViewModel
{
    /// <summary>The current password.</summary>
    [Required(ErrorMessage = "Enter your old password.")]
    [StringLength(ClinicUsersDefaults.MaximumPasswordLength)]
    [DataType(DataType.Password)]
    [Display(Name = "Old password")]
    public string OldPassword { get; set; } = string.Empty;

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
