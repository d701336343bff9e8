namespace Clinic.Profiles;

/// <summary>The form of the built-in <see cref="ClinicProfile"/>, whose only editable field is the picture.</summary>
public sealed class ClinicProfileForm : ProfileForm<ClinicProfile>
{
}
