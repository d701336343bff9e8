using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Clinic.Profiles.Tests;

public sealed class ProfileImageProcessorTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ServiceProvider _services;
    private readonly IProfileImageProcessor _processor;

    public ProfileImageProcessorTests()
    {
        _services = ProfilesTestHost.Services(_temp.MediaRoot);
        _processor = _services.GetRequiredService<IProfileImageProcessor>();
    }

    public void Dispose()
    {
        _services.Dispose();
        _temp.Dispose();
    }

    public static TheoryData<string> Formats => ["jpeg", "png", "webp", "gif"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ProcessAsync_EachAcceptedFormat_ReencodedWithThumbnail(string format)
    {
        var upload = format switch
        {
            "jpeg" => TestImages.Jpeg(300, 200, SKColors.Red),
            "png" => TestImages.Png(300, 200, SKColors.Red),
            "webp" => TestImages.Webp(300, 200, SKColors.Red),
            _ => TestImages.Gif(300, 200, [0]),
        };

        var result = await _processor.ProcessAsync(new MemoryStream(upload));

        Assert.Equal(format, result.SourceFormat);
        Assert.Equal((300, 200), (result.Picture.Width, result.Picture.Height));
        Assert.Equal((128, 128), (result.Thumbnail.Width, result.Thumbnail.Height));
        Assert.Equal("jpg", result.Picture.Extension);
        Assert.Equal("image/jpeg", result.Picture.ContentType);
        using var decoded = SKBitmap.Decode(result.Picture.Content.ToArray());
        Assert.Equal(300, decoded.Width);
        AssertColor(SKColors.Red, decoded.GetPixel(150, 100));
        using var thumbnail = SKBitmap.Decode(result.Thumbnail.Content.ToArray());
        Assert.Equal(128, thumbnail.Width);
        AssertColor(SKColors.Red, thumbnail.GetPixel(64, 64));
    }

    [Fact]
    public async Task ProcessAsync_LargerThanMaxEdge_ScaledKeepingAspect()
    {
        var result = await _processor.ProcessAsync(new MemoryStream(TestImages.Jpeg(2000, 1000, SKColors.Blue)));

        Assert.Equal((1024, 512), (result.Picture.Width, result.Picture.Height));
        Assert.Equal((128, 128), (result.Thumbnail.Width, result.Thumbnail.Height));
    }

    [Fact]
    public async Task ProcessAsync_SmallerThanThumbnail_NotEnlarged()
    {
        var result = await _processor.ProcessAsync(new MemoryStream(TestImages.Png(40, 60, SKColors.Green)));

        Assert.Equal((40, 60), (result.Picture.Width, result.Picture.Height));
        Assert.Equal((40, 40), (result.Thumbnail.Width, result.Thumbnail.Height));
    }

    [Fact]
    public async Task ProcessAsync_TransparentPng_StaysPngWithAlpha()
    {
        var upload = TestImages.Png(100, 100, SKColors.Transparent, SKColors.Red);

        var result = await _processor.ProcessAsync(new MemoryStream(upload));

        Assert.Equal("png", result.Picture.Extension);
        Assert.Equal("image/png", result.Picture.ContentType);
        using var decoded = SKBitmap.Decode(result.Picture.Content.ToArray());
        Assert.Equal(0, decoded.GetPixel(10, 50).Alpha);
        AssertColor(SKColors.Red, decoded.GetPixel(90, 50));
    }

    [Fact]
    public async Task ProcessAsync_AnimatedGif_KeepsFirstFrame()
    {
        // Palette: 0 red, 1 green, 2 blue.
        var upload = TestImages.Gif(64, 64, [2, 0, 1]);

        var result = await _processor.ProcessAsync(new MemoryStream(upload));

        using var decoded = SKBitmap.Decode(result.Picture.Content.ToArray());
        AssertColor(SKColors.Blue, decoded.GetPixel(32, 32));
    }

    [Theory]
    [Trait("Case", "UPL-04")]
    [InlineData(1, 200, 100, "red-left")]
    [InlineData(2, 200, 100, "red-right")]
    [InlineData(3, 200, 100, "red-right")]
    [InlineData(4, 200, 100, "red-left")]
    [InlineData(5, 100, 200, "red-top")]
    [InlineData(6, 100, 200, "red-top")]
    [InlineData(7, 100, 200, "red-bottom")]
    [InlineData(8, 100, 200, "red-bottom")]
    public async Task ProcessAsync_ExifOrientation_StoredUpright(ushort orientation, int width, int height, string expected)
    {
        // Stored: 200×100, left half red, right half blue.
        var upload = TestImages.WithExif(TestImages.Jpeg(200, 100, SKColors.Red, SKColors.Blue), orientation, gps: false);

        var result = await _processor.ProcessAsync(new MemoryStream(upload));

        Assert.Equal((width, height), (result.Picture.Width, result.Picture.Height));
        using var decoded = SKBitmap.Decode(result.Picture.Content.ToArray());
        var (redAt, blueAt) = expected switch
        {
            "red-left" => ((25, 50), (175, 50)),
            "red-right" => ((175, 50), (25, 50)),
            "red-top" => ((50, 25), (50, 175)),
            _ => ((50, 175), (50, 25)),
        };
        AssertColor(SKColors.Red, decoded.GetPixel(redAt.Item1, redAt.Item2));
        AssertColor(SKColors.Blue, decoded.GetPixel(blueAt.Item1, blueAt.Item2));
    }

    [Fact]
    [Trait("Case", "UPL-04")]
    public async Task ProcessAsync_JpegWithExifGps_MetadataRemoved()
    {
        var upload = TestImages.WithExif(TestImages.Jpeg(120, 80, SKColors.Green), orientation: 1, gps: true);
        Assert.True(upload.AsSpan().IndexOf(TestImages.GpsLatitudeBytes()) > 0, "the test image must carry the GPS latitude");

        var result = await _processor.ProcessAsync(new MemoryStream(upload));

        foreach (var file in new[] { result.Picture, result.Thumbnail })
        {
            var bytes = file.Content.Span;
            Assert.True(bytes.IndexOf("Exif\0\0"u8) < 0, "EXIF must be gone");
            Assert.True(bytes.IndexOf(TestImages.GpsLatitudeBytes()) < 0, "GPS must be gone");
            using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        }
    }

    [Fact]
    public async Task ProcessAsync_SecondJpegAfterEnd_AcceptedAsMultiPicture()
    {
        var primary = TestImages.Jpeg(80, 80, SKColors.Red);
        var secondary = TestImages.Jpeg(20, 20, SKColors.Blue);

        var result = await _processor.ProcessAsync(new MemoryStream([.. primary, .. secondary]));

        using var decoded = SKBitmap.Decode(result.Picture.Content.ToArray());
        Assert.Equal(80, decoded.Width);
        AssertColor(SKColors.Red, decoded.GetPixel(40, 40));
    }

    public static TheoryData<string, ProfileImageRejectionReason> HostileUploads => new()
    {
        { "svg", ProfileImageRejectionReason.ActiveContent },
        { "svg-with-script", ProfileImageRejectionReason.ActiveContent },
        { "svg-after-bom-and-space", ProfileImageRejectionReason.ActiveContent },
        { "html", ProfileImageRejectionReason.ActiveContent },
        { "xml", ProfileImageRejectionReason.ActiveContent },
        { "javascript-with-html", ProfileImageRejectionReason.ActiveContent },
        { "pdf", ProfileImageRejectionReason.UnsupportedFormat },
        { "bmp", ProfileImageRejectionReason.UnsupportedFormat },
        { "zip-with-html", ProfileImageRejectionReason.ActiveContent },
        { "zip", ProfileImageRejectionReason.UnsupportedFormat },
        { "empty", ProfileImageRejectionReason.Empty },
        { "png+zip", ProfileImageRejectionReason.TrailingData },
        { "jpeg+zip", ProfileImageRejectionReason.TrailingData },
        { "gif+html", ProfileImageRejectionReason.TrailingData },
        { "webp+zip", ProfileImageRejectionReason.TrailingData },
        { "png-truncated", ProfileImageRejectionReason.Truncated },
        { "png-without-iend", ProfileImageRejectionReason.Truncated },
        { "jpeg-truncated", ProfileImageRejectionReason.Truncated },
        { "gif-truncated", ProfileImageRejectionReason.Truncated },
        { "webp-truncated", ProfileImageRejectionReason.Truncated },
        { "png-signature-only", ProfileImageRejectionReason.Truncated },
    };

    [Theory]
    [Trait("Case", "UPL-04")]
    [MemberData(nameof(HostileUploads))]
    public async Task ProcessAsync_HostileOrBrokenContent_RejectedWithReason(string kind, ProfileImageRejectionReason reason)
    {
        var png = TestImages.Png(64, 64, SKColors.Red);
        var jpeg = TestImages.Jpeg(64, 64, SKColors.Red);
        var gif = TestImages.Gif(16, 16, [0]);
        var webp = TestImages.Webp(64, 64, SKColors.Red);
        byte[] upload = kind switch
        {
            "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"u8.ToArray(),
            "svg-with-script" => "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(),
            "svg-after-bom-and-space" => [0xEF, 0xBB, 0xBF, .. "\n\t  <svg onload=alert(1)>"u8],
            "html" => "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray(),
            "xml" => "<?xml version=\"1.0\"?><x/>"u8.ToArray(),
            "javascript-with-html" => "/* png */ document.write('<script src=//evil></script>')"u8.ToArray(),
            "pdf" => "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF"u8.ToArray(),
            "bmp" => [(byte)'B', (byte)'M', .. new byte[60]],
            "zip-with-html" => TestImages.Zip(),
            "zip" => TestImages.Zip("plain text"),
            "empty" => [],
            "png+zip" => [.. png, .. TestImages.Zip()],
            "jpeg+zip" => [.. jpeg, .. TestImages.Zip()],
            "gif+html" => [.. gif, .. "<html><script>alert(1)</script>"u8],
            "webp+zip" => [.. webp, .. TestImages.Zip()],
            "png-truncated" => png[..(png.Length / 2)],
            "png-without-iend" => png[..^12],
            "jpeg-truncated" => jpeg[..(jpeg.Length / 2)],
            "gif-truncated" => gif[..^3],
            "webp-truncated" => webp[..(webp.Length - 10)],
            "png-signature-only" => png[..8],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = await Assert.ThrowsAsync<ProfileImageRejectedException>(() => _processor.ProcessAsync(new MemoryStream(upload)));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(400, error.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task ProcessAsync_GarbageImageData_RejectedAsDamaged()
    {
        var upload = TestImages.PngFile(TestImages.Ihdr(16, 16), [("IDAT", "not zlib data at all"u8.ToArray())]);

        var error = await Assert.ThrowsAsync<ProfileImageRejectedException>(() => _processor.ProcessAsync(new MemoryStream(upload)));

        // Skia reports undecodable image data as incomplete input.
        Assert.Contains(error.Reason, new[] { ProfileImageRejectionReason.Corrupt, ProfileImageRejectionReason.Truncated });
    }

    [Fact]
    public async Task ProcessAsync_SeekableStreamOverByteLimit_RejectedWithoutReading()
    {
        var stream = new CountingStream(length: ClinicProfilesDefaults.MaxImageBytes + 1, seekable: true);

        var error = await Assert.ThrowsAsync<ProfileImageRejectedException>(() => _processor.ProcessAsync(stream));

        Assert.Equal(ProfileImageRejectionReason.TooLarge, error.Reason);
        Assert.Equal(413, error.StatusCode);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task ProcessAsync_EndlessStream_StopsReadingJustPastTheLimit()
    {
        var stream = new CountingStream(length: long.MaxValue, seekable: false);

        var error = await Assert.ThrowsAsync<ProfileImageRejectedException>(() => _processor.ProcessAsync(stream));

        Assert.Equal(ProfileImageRejectionReason.TooLarge, error.Reason);
        Assert.InRange(stream.BytesRead, ClinicProfilesDefaults.MaxImageBytes + 1, ClinicProfilesDefaults.MaxImageBytes + 1);
    }

    [Fact]
    public async Task ProcessAsync_ConfiguredByteLimit_Applies()
    {
        using var services = ProfilesTestHost.Services(_temp.MediaRoot, o => o.MaxImageBytes = 2048);
        var processor = services.GetRequiredService<IProfileImageProcessor>();
        var upload = TestImages.Noise(100, 100);
        Assert.True(upload.Length > 2048);

        var error = await Assert.ThrowsAsync<ProfileImageRejectedException>(() => processor.ProcessAsync(new NonSeekableStream(upload)));

        Assert.Equal(ProfileImageRejectionReason.TooLarge, error.Reason);
    }

    [Fact]
    public async Task ProcessAsync_ConfiguredPixelLimit_RefusesOneOverAndAcceptsAtTheLimit()
    {
        using var services = ProfilesTestHost.Services(_temp.MediaRoot, o => o.MaxImagePixels = 100 * 100);
        var processor = services.GetRequiredService<IProfileImageProcessor>();

        await processor.ProcessAsync(new MemoryStream(TestImages.Png(100, 100, SKColors.Red)));
        var error = await Assert.ThrowsAsync<ProfileImageRejectedException>(
            () => processor.ProcessAsync(new MemoryStream(TestImages.Png(101, 100, SKColors.Red))));

        Assert.Equal(ProfileImageRejectionReason.TooManyPixels, error.Reason);
        Assert.Contains("101×100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_MoreFramesThanAllowed_Rejected()
    {
        using var services = ProfilesTestHost.Services(_temp.MediaRoot, o => o.MaxImageFrames = 2);
        var processor = services.GetRequiredService<IProfileImageProcessor>();

        await processor.ProcessAsync(new MemoryStream(TestImages.Gif(8, 8, [0, 1])));
        var error = await Assert.ThrowsAsync<ProfileImageRejectedException>(
            () => processor.ProcessAsync(new MemoryStream(TestImages.Gif(8, 8, [0, 1, 2]))));

        Assert.Equal(ProfileImageRejectionReason.TooManyFrames, error.Reason);
    }

    internal static void AssertColor(SKColor expected, SKColor actual)
    {
        var close = Math.Abs(expected.Red - actual.Red) < 40
            && Math.Abs(expected.Green - actual.Green) < 40
            && Math.Abs(expected.Blue - actual.Blue) < 40;
        Assert.True(close, $"expected about {expected}, found {actual}");
    }
}
