namespace Clinic.Profiles;

/// <summary>
/// Turns an untrusted upload into a safe image: the format is judged by decoding, limits are checked before any pixel
/// is decoded, and the result is re-encoded upright without metadata.
/// </summary>
public interface IProfileImageProcessor
{
    /// <summary>
    /// Reads at most <see cref="ClinicProfilesOptions.MaxImageBytes"/> from <paramref name="content"/> and returns the
    /// picture and its thumbnail. The file name and the declared content type of the upload are deliberately not
    /// parameters: they are never trusted.
    /// </summary>
    /// <param name="content">The uploaded bytes. The stream is read, not disposed.</param>
    /// <param name="cancellationToken">Cancels reading the upload.</param>
    /// <returns>The re-encoded picture and thumbnail.</returns>
    /// <exception cref="ProfileImageRejectedException">The upload is not an acceptable image.</exception>
    Task<ProcessedProfileImage> ProcessAsync(Stream content, CancellationToken cancellationToken = default);
}
