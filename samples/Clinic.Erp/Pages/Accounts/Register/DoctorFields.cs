using System.ComponentModel.DataAnnotations;

namespace Clinic.Erp.Pages.Accounts.Register;

/// <summary>The doctor's own fields of the doctor registration form.</summary>
public sealed class DoctorFields
{
    [Required(ErrorMessage = "Enter your speciality.")]
    [StringLength(100)]
    public string Speciality { get; set; } = "";

    [Required(ErrorMessage = "Enter your licence number.")]
    [StringLength(32)]
    [RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "Use letters, digits and hyphens only.")]
    [Display(Name = "Licence number")]
    public string LicenceNumber { get; set; } = "";
}
