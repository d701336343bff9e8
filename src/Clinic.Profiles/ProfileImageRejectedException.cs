using Microsoft.AspNetCore.Http;

namespace Clinic.Profiles;

/// <summary>
/// Thrown when an uploaded profile image is refused. <see cref="Exception.Message"/> is written for the person who
/// uploaded the file and never contains the file's name or content, so it can be shown as a form error.
/// </summary>
public sealed class ProfileImageRejectedException : Exception
{
    /// <summary>Creates the exception with the reason and a message for the user.</summary>
    /// <param name="reason">Why the image was refused.</param>
    /// <param name="message">A message that can be shown to the person who uploaded the image.</param>
    public ProfileImageRejectedException(ProfileImageRejectionReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with the reason, a message for the user and the underlying error.</summary>
    /// <param name="reason">Why the image was refused.</param>
    /// <param name="message">A message that can be shown to the person who uploaded the image.</param>
    /// <param name="innerException">The error that revealed the problem.</param>
    public ProfileImageRejectedException(ProfileImageRejectionReason reason, string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the image was refused.</summary>
    public ProfileImageRejectionReason Reason { get; }

    /// <summary>The HTTP status an endpoint should answer with: 413 for <see cref="ProfileImageRejectionReason.TooLarge"/>, otherwise 400.</summary>
    public int StatusCode => Reason == ProfileImageRejectionReason.TooLarge
        ? StatusCodes.Status413PayloadTooLarge
        : StatusCodes.Status400BadRequest;
}
