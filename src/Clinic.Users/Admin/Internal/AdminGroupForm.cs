using System.ComponentModel.DataAnnotations;

namespace Clinic.Users.Admin.Internal;

/// <summary>The group page's fields.</summary>
internal sealed class AdminGroupForm
{
    [Required(ErrorMessage = "This field is required.")]
    [StringLength(150, ErrorMessage = "Ensure this value has at most 150 characters.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = string.Empty;

    public List<int> Permissions { get; set; } = [];
}
