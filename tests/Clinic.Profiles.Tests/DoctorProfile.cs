namespace Clinic.Profiles.Tests;

/// <summary>A profile an application extended with a field of its own.</summary>
public sealed class DoctorProfile : ClinicProfile
{
    public string Specialty { get; set; } = string.Empty;
}
