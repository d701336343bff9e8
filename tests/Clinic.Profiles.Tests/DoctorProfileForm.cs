using System.ComponentModel.DataAnnotations;

namespace Clinic.Profiles.Tests;

/// <summary>The form of <see cref="DoctorProfile"/>: the built-in picture fields plus the specialty.</summary>
public sealed class DoctorProfileForm : ProfileForm<DoctorProfile>
{
    [Required(ErrorMessage = "Enter a specialty.")]
    [StringLength(40)]
    [Display(Name = "Specialty")]
    public string? Specialty { get; set; }

    public override void LoadFrom(DoctorProfile profile) => Specialty = profile.Specialty;

    public override void ApplyTo(DoctorProfile profile) => profile.Specialty = Specialty!.Trim();
}
