namespace Clinic.Profiles.Internal;

/// <summary>The image formats accepted, recognised from their signature and structure.</summary>
internal enum ImageContainer
{
    Jpeg,
    Png,
    Gif,
    Webp,
}
