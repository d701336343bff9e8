using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Clinic.Profiles.Internal;

/// <summary>
/// The SkiaSharp pipeline: bounded read, structure check, header-only limits, decode of the first frame (scaled in the
/// decoder where JPEG allows), EXIF orientation, resize, centre-cropped thumbnail, re-encode without metadata.
/// </summary>
internal sealed class ProfileImageProcessor(
    IOptions<ClinicProfilesOptions> options,
    ProfilesMetrics metrics,
    ILogger<ProfileImageProcessor> logger) : IProfileImageProcessor
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public async Task<ProcessedProfileImage> ProcessAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var settings = options.Value;
        try
        {
            var data = await ReadBoundedAsync(content, settings.MaxImageBytes, cancellationToken);
            var result = Process(data, settings);
            metrics.ImagesAccepted.Add(1, new KeyValuePair<string, object?>("format", result.SourceFormat));
            ProfilesLog.ImageAccepted(logger, result.SourceFormat, result.Picture.Width, result.Picture.Height);
            return result;
        }
        catch (ProfileImageRejectedException exception)
        {
            metrics.ImagesRejected.Add(1, new KeyValuePair<string, object?>("reason", exception.Reason.ToString()));
            ProfilesLog.ImageRejected(logger, exception.Reason);
            throw;
        }
    }

    /// <summary>Reads the whole upload, refusing as soon as it is known to be larger than the limit.</summary>
    internal static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var expected = 0L;
        if (content.CanSeek)
        {
            expected = content.Length - content.Position;
            if (expected > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
        }

        var buffer = new byte[expected > 0 ? expected : Math.Min(maxBytes, 64 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }

                // Grow to at most one byte past the limit: that byte is enough to know the upload is too large.
                Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, Math.Max(buffer.Length * 2L, 4096)));
            }

            var read = await content.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (length > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
        }

        return buffer.AsMemory(0, length);
    }

    internal static ProcessedProfileImage Process(ReadOnlyMemory<byte> data, ClinicProfilesOptions settings)
    {
        var header = ImageStructure.Inspect(data, settings.MaxImageFrames);
        var container = header.Container;
        if (header.Pixels > settings.MaxImagePixels)
        {
            throw TooManyPixels(header.Width, header.Height, settings.MaxImagePixels);
        }

        using var skData = SKData.CreateCopy(data.Span);
        using var codec = SKCodec.Create(skData)
            ?? throw ImageStructure.Reject(ProfileImageRejectionReason.Corrupt, "The image could not be read.");
        if (codec.EncodedFormat != Expected(container))
        {
            throw ImageStructure.Reject(ProfileImageRejectionReason.UnsupportedFormat, "The file is not a JPEG, PNG, WebP or GIF image.");
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw ImageStructure.Reject(ProfileImageRejectionReason.Corrupt, "The image has no pixels.");
        }

        if ((long)info.Width * info.Height > settings.MaxImagePixels)
        {
            throw TooManyPixels(info.Width, info.Height, settings.MaxImagePixels);
        }

        using var decoded = Decode(codec, container, settings.MaxEdge);
        var origin = codec.EncodedOrigin;
        var opaque = info.AlphaType == SKAlphaType.Opaque;
        using var picture = Orient(decoded, origin, settings.MaxEdge);
        opaque = opaque || IsOpaque(picture);
        using var thumbnail = Thumbnail(picture, settings.ThumbnailSize);
        return new ProcessedProfileImage(
            FormatName(container),
            Encode(picture, opaque, settings.JpegQuality),
            Encode(thumbnail, opaque, settings.JpegQuality));
    }

    private static SKBitmap Decode(SKCodec codec, ImageContainer container, int maxEdge)
    {
        var info = codec.Info;
        var size = info.Size;
        var longest = Math.Max(info.Width, info.Height);
        if (longest > maxEdge)
        {
            // JPEG decodes at n/8 scale directly: take the smallest scale that still covers the maximum edge.
            for (var eighths = 1; eighths < 8; eighths++)
            {
                var scaled = codec.GetScaledDimensions(eighths / 8f);
                if (scaled.Width > 0 && scaled.Height > 0 && scaled.Width <= info.Width && scaled.Height <= info.Height
                    && Math.Max(scaled.Width, scaled.Height) >= maxEdge)
                {
                    size = scaled;
                    break;
                }
            }
        }

        var target = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        try
        {
            if (!bitmap.TryAllocPixels(target))
            {
                throw ImageStructure.Reject(ProfileImageRejectionReason.TooManyPixels, "The image is too large to process.");
            }

            var codecOptions = container is ImageContainer.Gif or ImageContainer.Webp ? new SKCodecOptions(0) : SKCodecOptions.Default;
            var result = codec.GetPixels(target, bitmap.GetPixels(), codecOptions);
            switch (result)
            {
                case SKCodecResult.Success:
                    return bitmap;
                case SKCodecResult.IncompleteInput:
                    throw ImageStructure.Reject(ProfileImageRejectionReason.Truncated, "The image is incomplete (the file ends too early); upload the whole file.");
                default:
                    throw ImageStructure.Reject(ProfileImageRejectionReason.Corrupt, $"The image is damaged ({result}).");
            }
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }

    /// <summary>Draws the decoded bitmap upright (EXIF orientation) and scaled so its longer edge is at most <paramref name="maxEdge"/>.</summary>
    internal static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin, int maxEdge)
    {
        float w = source.Width, h = source.Height;
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (uprightWidth, uprightHeight) = swaps ? (h, w) : (w, h);
        var scale = Math.Min(1f, maxEdge / Math.Max(uprightWidth, uprightHeight));
        var width = Math.Max(1, (int)Math.Round(uprightWidth * scale));
        var height = Math.Max(1, (int)Math.Round(uprightHeight * scale));

        // Maps a stored pixel (x, y) to its upright place, per the EXIF orientation tag's definition.
        var orient = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };

        var result = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using var canvas = new SKCanvas(result);
        using var image = SKImage.FromBitmap(source);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(SKMatrix.CreateScale(width / uprightWidth, height / uprightHeight).PreConcat(orient));
        canvas.DrawImage(image, 0, 0, Sampling, null);
        canvas.Flush();
        return result;
    }

    private static SKBitmap Thumbnail(SKBitmap picture, int size)
    {
        var side = Math.Min(picture.Width, picture.Height);
        var edge = Math.Min(size, side);
        var source = SKRect.Create((picture.Width - side) / 2f, (picture.Height - side) / 2f, side, side);
        var result = new SKBitmap(new SKImageInfo(edge, edge, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using var canvas = new SKCanvas(result);
        using var image = SKImage.FromBitmap(picture);
        canvas.Clear(SKColors.Transparent);
        canvas.DrawImage(image, source, SKRect.Create(edge, edge), Sampling, null);
        canvas.Flush();
        return result;
    }

    private static bool IsOpaque(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 0xFF)
            {
                return false;
            }
        }

        return true;
    }

    private static ProfileImageFile Encode(SKBitmap bitmap, bool opaque, int quality)
    {
        using var pixmap = bitmap.PeekPixels();
        using var encoded = opaque
            ? pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            : pixmap.Encode(SKPngEncoderOptions.Default);
        if (encoded is null)
        {
            throw new InvalidOperationException("SkiaSharp could not encode the profile image.");
        }

        return opaque
            ? new ProfileImageFile(encoded.ToArray(), "jpg", "image/jpeg", bitmap.Width, bitmap.Height)
            : new ProfileImageFile(encoded.ToArray(), "png", "image/png", bitmap.Width, bitmap.Height);
    }

    private static SKEncodedImageFormat Expected(ImageContainer container) => container switch
    {
        ImageContainer.Jpeg => SKEncodedImageFormat.Jpeg,
        ImageContainer.Png => SKEncodedImageFormat.Png,
        ImageContainer.Gif => SKEncodedImageFormat.Gif,
        _ => SKEncodedImageFormat.Webp,
    };

    private static string FormatName(ImageContainer container) => container switch
    {
        ImageContainer.Jpeg => "jpeg",
        ImageContainer.Png => "png",
        ImageContainer.Gif => "gif",
        _ => "webp",
    };

    private static ProfileImageRejectedException TooManyPixels(long width, long height, long maxPixels) =>
        ImageStructure.Reject(
            ProfileImageRejectionReason.TooManyPixels,
            string.Create(CultureInfo.InvariantCulture, $"The image is {width}×{height} pixels; at most {maxPixels:N0} pixels are accepted."));

    private static ProfileImageRejectedException TooLarge(long maxBytes) =>
        ImageStructure.Reject(ProfileImageRejectionReason.TooLarge, string.Create(CultureInfo.InvariantCulture, $"The file is larger than {maxBytes / 1024.0 / 1024.0:0.#} MiB."));
}
