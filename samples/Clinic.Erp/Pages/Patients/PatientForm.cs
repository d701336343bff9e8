using System.ComponentModel.DataAnnotations;

namespace Clinic.Erp.Pages.Patients;

/// <summary>The fields a doctor or staff member may change on a patient (the doctor only by staff).</summary>
public sealed class PatientForm
{
    [StringLength(150)]
    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [StringLength(150)]
    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    [Required(ErrorMessage = "Enter the date of birth.")]
    [DataType(DataType.Date)]
    [Display(Name = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [Phone(ErrorMessage = "Enter a valid phone number.")]
    [StringLength(32)]
    public string? Phone { get; set; }

    /// <summary>The patient's doctor; only read from the form when staff edit (an active doctor).</summary>
    [Display(Name = "Doctor")]
    public int? DoctorId { get; set; }
}
