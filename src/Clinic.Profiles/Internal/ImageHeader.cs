namespace Clinic.Profiles.Internal;

/// <summary>What the structure walk learnt: the format and the dimensions its header announces (0 when not stated there).</summary>
internal readonly record struct ImageHeader(ImageContainer Container, long Width, long Height)
{
    public long Pixels => Width * Height;
}
