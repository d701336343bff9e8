namespace Clinic.Users.Admin.Internal;

/// <summary>The result of a save through the admin.</summary>
internal enum AdminSaveOutcome
{
    Saved,
    Invalid,
    Forbidden,
    NotFound,
}
