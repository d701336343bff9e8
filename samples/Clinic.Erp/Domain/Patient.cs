using System.ComponentModel.DataAnnotations;

namespace Clinic.Erp.Domain;

/// <summary>A patient, always assigned to one doctor.</summary>
public sealed class Patient
{
    public int Id { get; set; }

    [Required, StringLength(100)]
    public string Name { get; set; } = "";

    public DateOnly DateOfBirth { get; set; }

    [Phone, StringLength(32)]
    public string? Phone { get; set; }

    public int DoctorId { get; set; }

    public Doctor? Doctor { get; set; }
}
