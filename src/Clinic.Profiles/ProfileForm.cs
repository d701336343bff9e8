namespace Clinic.Profiles;

/// <summary>
/// The form of a profile's editable fields, edited with the user's form on one page (Django's two forms in one view).
/// For a profile type of your own, derive from it: add properties with data annotations, copy them in
/// <see cref="LoadFrom"/> and back in <see cref="ApplyTo"/>. The <c>ClinicProfiles/_ProfileForm</c> partial renders
/// the added properties with their validation messages, then the picture.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public abstract class ProfileForm<TProfile> : ProfileFormBase
    where TProfile : ClinicProfile
{
    /// <summary>Copies the profile's editable fields into the form (the page's GET).</summary>
    /// <param name="profile">The stored profile.</param>
    public virtual void LoadFrom(TProfile profile)
    {
    }

    /// <summary>
    /// Copies the form's fields onto the profile; called only after both forms are valid, and undone if the save fails.
    /// The picture is not one of them: <see cref="IProfileEditor{TProfile}"/> handles it.
    /// </summary>
    /// <param name="profile">The tracked profile.</param>
    public virtual void ApplyTo(TProfile profile)
    {
    }
}
