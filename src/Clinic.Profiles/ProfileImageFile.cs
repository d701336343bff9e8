namespace Clinic.Profiles;

/// <summary>One re-encoded image: the bytes to store and what they are.</summary>
public sealed class ProfileImageFile
{
    internal ProfileImageFile(byte[] content, string extension, string contentType, int width, int height)
    {
        Content = content;
        Extension = extension;
        ContentType = contentType;
        Width = width;
        Height = height;
    }

    /// <summary>The encoded image, without any metadata of the upload (no EXIF, GPS, comments or trailing bytes).</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The file extension without a dot: <c>jpg</c> or <c>png</c>.</summary>
    public string Extension { get; }

    /// <summary>The media type: <c>image/jpeg</c> or <c>image/png</c>.</summary>
    public string ContentType { get; }

    /// <summary>Width in pixels, after orientation and scaling.</summary>
    public int Width { get; }

    /// <summary>Height in pixels, after orientation and scaling.</summary>
    public int Height { get; }
}
