namespace Clinic.Profiles;

/// <summary>The default values of <see cref="ClinicProfilesOptions"/> and the package's fixed names.</summary>
public static class ClinicProfilesDefaults
{
    /// <summary>Largest accepted upload: 5 MiB.</summary>
    public const long MaxImageBytes = 5 * 1024 * 1024;

    /// <summary>Most pixels an upload's header may announce: 40 megapixels.</summary>
    public const long MaxImagePixels = 40_000_000;

    /// <summary>Most frames an animated upload may have (only the first is kept): 1,000.</summary>
    public const int MaxImageFrames = 1000;

    /// <summary>Longer edge of a stored picture: 1024 pixels.</summary>
    public const int MaxEdge = 1024;

    /// <summary>Edge of the square thumbnail: 128 pixels.</summary>
    public const int ThumbnailSize = 128;

    /// <summary>JPEG quality of re-encoded pictures: 85.</summary>
    public const int JpegQuality = 85;

    /// <summary>URL path the media files are served under: <c>/media</c>.</summary>
    public const string MediaUrl = "/media";

    /// <summary>Folder under the media root that holds profile pictures: <c>profiles</c>.</summary>
    public const string PictureDirectory = "profiles";

    /// <summary>Name of the media root folder under the content root when none is configured: <c>media</c>.</summary>
    public const string MediaRootFolderName = "media";

    /// <summary>Permissions of stored files: 0644.</summary>
    public const UnixFileMode FileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Permissions of created folders: 0755.</summary>
    public const UnixFileMode DirectoryMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary><c>Cache-Control</c> of served media: <c>private, max-age=86400</c>.</summary>
    public const string MediaCacheControl = "private, max-age=86400";

    /// <summary>
    /// <c>Content-Security-Policy</c> of served media: nothing may load, nothing may run, and the document is sandboxed,
    /// so a file that a browser opened as a page could do nothing.
    /// </summary>
    public const string MediaContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'";

    /// <summary>Media name of the built-in default avatar, served by <c>MapClinicMedia</c>; never a stored file's name.</summary>
    public const string DefaultAvatarName = "_clinic/default-avatar.png";

    /// <summary>Time between two runs of the scheduled orphan cleanup: one hour.</summary>
    public static readonly TimeSpan OrphanCleanupInterval = TimeSpan.FromHours(1);

    /// <summary>Age below which an unreferenced file is never deleted by the scheduled cleanup: one hour.</summary>
    public static readonly TimeSpan OrphanGracePeriod = TimeSpan.FromHours(1);
}
