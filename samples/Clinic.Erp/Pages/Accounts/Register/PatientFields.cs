using System.ComponentModel.DataAnnotations;

namespace Clinic.Erp.Pages.Accounts.Register;

/// <summary>The patient's own fields of the patient registration form, with the doctor picker.</summary>
public sealed class PatientFields
{
    [Required(ErrorMessage = "Enter your date of birth.")]
    [DataType(DataType.Date)]
    [Display(Name = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [Phone(ErrorMessage = "Enter a valid phone number.")]
    [StringLength(32)]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "Choose your doctor.")]
    [Display(Name = "Doctor")]
    public int? DoctorId { get; set; }
}
