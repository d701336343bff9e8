namespace Clinic.Profiles;

/// <summary>One error of the combined user and profile forms.</summary>
/// <param name="Form">The form it belongs to.</param>
/// <param name="Field">The property name within that form, or an empty string for an error of the whole form.</param>
/// <param name="Message">The message to show; never contains a password or a file name from the client.</param>
public sealed record ProfileEditError(ProfileEditForm Form, string Field, string Message);
