using System.ComponentModel.DataAnnotations;

namespace Clinic.Users;

/// <summary>Changes a user's e-mail address and names (Django's <c>UserChangeForm</c>, without passwords or flags).</summary>
public sealed class UserChangeViewModel
{
    /// <summary>The e-mail address, the login name.</summary>
    [Required(ErrorMessage = "Enter an email address.")]
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
}
