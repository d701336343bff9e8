namespace Clinic.Profiles;

/// <summary>
/// An accepted upload: the picture, upright and scaled so its longer edge is at most
/// <see cref="ClinicProfilesOptions.MaxEdge"/>, and a square thumbnail of <see cref="ClinicProfilesOptions.ThumbnailSize"/>.
/// </summary>
public sealed class ProcessedProfileImage
{
    internal ProcessedProfileImage(string sourceFormat, ProfileImageFile picture, ProfileImageFile thumbnail)
    {
        SourceFormat = sourceFormat;
        Picture = picture;
        Thumbnail = thumbnail;
    }

    /// <summary>The format found by decoding the upload: <c>jpeg</c>, <c>png</c>, <c>webp</c> or <c>gif</c>.</summary>
    public string SourceFormat { get; }

    /// <summary>The picture. JPEG when it is opaque, PNG when it has transparency.</summary>
    public ProfileImageFile Picture { get; }

    /// <summary>The square thumbnail (centre crop), in the same format as <see cref="Picture"/>.</summary>
    public ProfileImageFile Thumbnail { get; }
}
