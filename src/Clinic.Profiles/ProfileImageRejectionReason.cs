namespace Clinic.Profiles;

/// <summary>Why an uploaded profile image was refused. Every reason but <see cref="TooLarge"/> maps to HTTP 400.</summary>
public enum ProfileImageRejectionReason
{
    /// <summary>The upload holds no bytes.</summary>
    Empty = 1,

    /// <summary>The upload is larger than <see cref="ClinicProfilesOptions.MaxImageBytes"/> (HTTP 413).</summary>
    TooLarge,

    /// <summary>The header announces more pixels than <see cref="ClinicProfilesOptions.MaxImagePixels"/>.</summary>
    TooManyPixels,

    /// <summary>The image has more frames than <see cref="ClinicProfilesOptions.MaxImageFrames"/>.</summary>
    TooManyFrames,

    /// <summary>A compressed chunk (a PNG <c>iCCP</c>, <c>zTXt</c> or <c>iTXt</c>) inflates past the allowed size.</summary>
    DecompressionBomb,

    /// <summary>The content is markup (SVG, HTML, XML) or script, which is never accepted as an image.</summary>
    ActiveContent,

    /// <summary>The content is not a JPEG, PNG, WebP or GIF image.</summary>
    UnsupportedFormat,

    /// <summary>Bytes follow the end of the image, as in a polyglot (for example a PNG with a ZIP archive appended).</summary>
    TrailingData,

    /// <summary>The image ends before its structure does.</summary>
    Truncated,

    /// <summary>The image structure is invalid or the image cannot be decoded.</summary>
    Corrupt,
}
