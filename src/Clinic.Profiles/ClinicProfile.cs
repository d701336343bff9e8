namespace Clinic.Profiles;

/// <summary>
/// The profile of one user (one-to-one, keyed by the user's id). Derive from it to add fields of your own and map the
/// derived type with <c>modelBuilder.ApplyClinicProfiles&lt;TUser, TProfile&gt;()</c>.
/// </summary>
public class ClinicProfile
{
    /// <summary>The user's id; the primary key and the foreign key to the user.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The storage name of the picture, or <see langword="null"/> when there is none (the default avatar is shown).</summary>
    public string? PictureName { get; set; }

    /// <summary>The storage name of the square thumbnail, or <see langword="null"/>.</summary>
    public string? ThumbnailName { get; set; }

    /// <summary>When the picture was last set or removed (UTC); <see langword="null"/> if never.</summary>
    public DateTimeOffset? PictureUpdated { get; set; }
}
