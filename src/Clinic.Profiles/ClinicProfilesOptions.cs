namespace Clinic.Profiles;

/// <summary>
/// Settings of profiles and profile images. Every default is stated on its property and kept in
/// <see cref="ClinicProfilesDefaults"/>; the values are validated when the application starts.
/// </summary>
public sealed class ClinicProfilesOptions
{
    /// <summary>
    /// Largest upload in bytes; a larger one is refused before more is read (HTTP 413). Default 5 MiB; between 1 KiB
    /// and 100 MiB.
    /// </summary>
    public long MaxImageBytes { get; set; } = ClinicProfilesDefaults.MaxImageBytes;

    /// <summary>
    /// Most pixels (width × height) the image header may announce; checked before any pixel is decoded, so a
    /// decompression bomb costs nothing (Pillow's <c>MAX_IMAGE_PIXELS</c>). Default 40,000,000; between 1 and 200,000,000.
    /// </summary>
    public long MaxImagePixels { get; set; } = ClinicProfilesDefaults.MaxImagePixels;

    /// <summary>Most frames of an animated GIF, PNG or WebP (only the first frame is kept). Default 1,000; at least 1.</summary>
    public int MaxImageFrames { get; set; } = ClinicProfilesDefaults.MaxImageFrames;

    /// <summary>Longer edge of the stored picture in pixels; larger images are scaled down. Default 1024; 16 to 8192.</summary>
    public int MaxEdge { get; set; } = ClinicProfilesDefaults.MaxEdge;

    /// <summary>Edge of the square thumbnail in pixels. Default 128; between 16 and <see cref="MaxEdge"/>.</summary>
    public int ThumbnailSize { get; set; } = ClinicProfilesDefaults.ThumbnailSize;

    /// <summary>JPEG quality of re-encoded pictures. Default 85; between 1 and 100.</summary>
    public int JpegQuality { get; set; } = ClinicProfilesDefaults.JpegQuality;

    /// <summary>
    /// Absolute folder the file-system storage writes under (Django's <c>MEDIA_ROOT</c>). Default
    /// <see langword="null"/>, meaning the folder <c>media</c> under the content root. It must not be inside the web
    /// root (<c>wwwroot</c>), where the static-file middleware would serve it without this package's headers.
    /// </summary>
    public string? MediaRoot { get; set; }

    /// <summary>URL path media are served under by <c>MapClinicMedia</c> (Django's <c>MEDIA_URL</c>). Default <c>/media</c>.</summary>
    public string MediaUrl { get; set; } = ClinicProfilesDefaults.MediaUrl;

    /// <summary>Folder under the media root holding profile pictures. Default <c>profiles</c>; lower-case letters, digits, <c>-</c> and <c>_</c>.</summary>
    public string PictureDirectory { get; set; } = ClinicProfilesDefaults.PictureDirectory;

    /// <summary>
    /// Permissions given to stored files whatever the process umask (Django's <c>FILE_UPLOAD_PERMISSIONS</c>).
    /// Default 0644; never writable by others, never executable.
    /// </summary>
    public UnixFileMode FileMode { get; set; } = ClinicProfilesDefaults.FileMode;

    /// <summary>
    /// Permissions given to folders the storage creates whatever the umask (Django's
    /// <c>FILE_UPLOAD_DIRECTORY_PERMISSIONS</c>). Default 0755; never writable by others.
    /// </summary>
    public UnixFileMode DirectoryMode { get; set; } = ClinicProfilesDefaults.DirectoryMode;

    /// <summary>
    /// <c>Cache-Control</c> of served media. Default <c>private, max-age=86400</c>: stored names never change content,
    /// but pictures may be behind authorization, so shared caches are not allowed by default.
    /// </summary>
    public string MediaCacheControl { get; set; } = ClinicProfilesDefaults.MediaCacheControl;
}
