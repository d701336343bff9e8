using System.ComponentModel.DataAnnotations;
using Clinic.Users;

namespace Clinic.Users.Tests.Infrastructure;

/// <summary>Belongs to a doctor (required foreign key, cascade delete by convention).</summary>
[ModelPermissions(AppLabel = "clinic")]
public sealed class Appointment
{
    public int Id { get; set; }

    [Required]
    [StringLength(100)]
    public string PatientName { get; set; } = string.Empty;

    public int DoctorId { get; set; }

    public Doctor? Doctor { get; set; }

    public DateOnly Day { get; set; }

    [Range(0, 1000, ErrorMessage = "Fee must be between 0 and 1000.")]
    public int Fee { get; set; }

    public string? Notes { get; set; }

    public override string ToString() => PatientName + " on " + Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
