using System.ComponentModel.DataAnnotations;

namespace Clinic.Erp.Domain;

/// <summary>A doctor of the clinic, with the patients assigned to them.</summary>
public sealed class Doctor
{
    public int Id { get; set; }

    [Required, StringLength(100)]
    public string Name { get; set; } = "";

    [Required, StringLength(100)]
    public string Speciality { get; set; } = "";

    [Required, StringLength(32)]
    public string LicenceNumber { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public List<Patient> Patients { get; } = [];
}
