using Clinic.Profiles;

namespace Clinic.Erp.Pages.Accounts;

/// <summary>The size limits of the profile form: the largest picture Clinic.Profiles accepts, plus room for the other fields.</summary>
public static class ProfilePageLimits
{
    /// <summary>Largest request body of the profile form: the picture limit plus 64 KiB for the multipart framing and fields.</summary>
    public const long MaxRequestBytes = ClinicProfilesDefaults.MaxImageBytes + (64 * 1024);
}
