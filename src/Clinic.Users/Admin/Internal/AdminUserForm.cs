using System.ComponentModel.DataAnnotations;

namespace Clinic.Users.Admin.Internal;

/// <summary>
/// The only fields the user change page binds (never the entity): anything else posted — a password hash, a security
/// stamp, a key — has nowhere to go.
/// </summary>
internal sealed class AdminUserForm
{
    [Required(ErrorMessage = "Enter an email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(256)]
    [Display(Name = "Email address")]
    public string Email { get; set; } = string.Empty;

    [StringLength(150)]
    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [StringLength(150)]
    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    [Display(Name = "Active")]
    public bool IsActive { get; set; }

    [Display(Name = "Staff status")]
    public bool IsStaff { get; set; }

    [Display(Name = "Superuser status")]
    public bool IsSuperuser { get; set; }

    public List<int> Groups { get; set; } = [];

    public List<int> Permissions { get; set; } = [];
}
