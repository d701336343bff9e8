namespace Clinic.Profiles;

/// <summary>Which form of the profile page an error belongs to.</summary>
public enum ProfileEditForm
{
    /// <summary>The page as a whole (for example a concurrent change); shown in the validation summary.</summary>
    Page,

    /// <summary>The user's form (<c>UserChangeViewModel</c>).</summary>
    User,

    /// <summary>The profile's form (<see cref="ProfileForm{TProfile}"/>), the picture included.</summary>
    Profile,
}
