using System.Buffers.Binary;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Clinic.Profiles.Tests;

/// <summary>
/// UPL-03: small files that announce or inflate to huge images are refused from their headers, before any pixel is
/// decoded, with little managed allocation (decoding an RGBA 20000×20000 image would need 1.6 GB).
/// </summary>
[Trait("Case", "UPL-03")]
public sealed class DecompressionBombTests : IDisposable
{
    private const long AllocationBound = 16L * 1024 * 1024;
    private static readonly Lazy<byte[]> HugeGrayPng = new(() => TestImages.ZeroPng(20_000, 20_000, bitDepth: 2, colorType: 0));
    private readonly TempDirectory _temp = new();
    private readonly ServiceProvider _services;
    private readonly IProfileImageProcessor _processor;

    public DecompressionBombTests()
    {
        _services = ProfilesTestHost.Services(_temp.MediaRoot);
        _processor = _services.GetRequiredService<IProfileImageProcessor>();
    }

    public void Dispose()
    {
        _services.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task ProcessAsync_ValidPng20000x20000_RefusedFromHeader()
    {
        var bomb = HugeGrayPng.Value;
        Assert.InRange(bomb.Length, 1, 1024 * 1024);

        var (error, allocated) = await RejectAsync(bomb);

        Assert.Equal(ProfileImageRejectionReason.TooManyPixels, error.Reason);
        Assert.Contains("20000×20000", error.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task ProcessAsync_TinyPngAnnouncing65535Squared_Refused()
    {
        // Signature, IHDR 65535×65535 RGBA, then an IDAT whose length promises more than the file holds.
        var header = TestImages.PngFile(TestImages.Ihdr(65_535, 65_535, 8, 6), [], end: false);
        byte[] bomb = [.. header, 0, 0, 0x10, 0, .. "IDAT"u8, 0x78, 0x9C, 0x62, 0x60];
        Assert.InRange(bomb.Length, 40, 60);

        var (error, allocated) = await RejectAsync(bomb);

        Assert.Contains(error.Reason, new[] { ProfileImageRejectionReason.Truncated, ProfileImageRejectionReason.TooManyPixels });
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task ProcessAsync_JpegFrameHeader65500Squared_RefusedFromHeader()
    {
        var bomb = TestImages.Jpeg(16, 16, SKColors.Red);
        var sof = bomb.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        Assert.True(sof > 0, "the test JPEG must be baseline");
        BinaryPrimitives.WriteUInt16BigEndian(bomb.AsSpan(sof + 5), 65_500);
        BinaryPrimitives.WriteUInt16BigEndian(bomb.AsSpan(sof + 7), 65_500);

        var (error, allocated) = await RejectAsync(bomb);

        Assert.Equal(ProfileImageRejectionReason.TooManyPixels, error.Reason);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task ProcessAsync_GifScreen65535Squared_RefusedFromHeader()
    {
        var bomb = TestImages.Gif(1, 1, [0], screenWidth: 65_535, screenHeight: 65_535);

        var (error, allocated) = await RejectAsync(bomb);

        Assert.Equal(ProfileImageRejectionReason.TooManyPixels, error.Reason);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Theory]
    [InlineData("zTXt")]
    [InlineData("iCCP")]
    [InlineData("iTXt")]
    public async Task ProcessAsync_PngChunkInflatingTo100MiB_Refused(string chunk)
    {
        var compressed = TestImages.HundredMiBOfZerosDeflated;
        byte[] data = chunk == "iTXt"
            ? [.. "Comment"u8, 0, 1, 0, 0, 0, .. compressed]
            : [.. (chunk == "iCCP" ? "ICC profile"u8 : "Comment"u8), 0, 0, .. compressed];
        var bomb = TestImages.InsertPngChunks(TestImages.Png(8, 8, SKColors.Red), [(chunk, data)]);
        Assert.InRange(bomb.Length, 1, 1024 * 1024);

        var (error, allocated) = await RejectAsync(bomb);

        Assert.Equal(ProfileImageRejectionReason.DecompressionBomb, error.Reason);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task ProcessAsync_GifWith10000Frames_Refused()
    {
        var frames = new byte[10_000];
        var bomb = TestImages.Gif(1, 1, frames);

        var (error, allocated) = await RejectAsync(bomb);

        Assert.Equal(ProfileImageRejectionReason.TooManyFrames, error.Reason);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task ProcessAsync_ApngAnnouncing10000Frames_Refused()
    {
        var acTL = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(acTL, 10_000);
        var bomb = TestImages.InsertPngChunks(TestImages.Png(8, 8, SKColors.Red), [("acTL", acTL)]);

        var (error, allocated) = await RejectAsync(bomb);

        Assert.Equal(ProfileImageRejectionReason.TooManyFrames, error.Reason);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task ProcessAsync_TwentyBombsAtOnce_AllRefused()
    {
        var bomb = HugeGrayPng.Value;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            var error = await Assert.ThrowsAsync<ProfileImageRejectedException>(() => _processor.ProcessAsync(new MemoryStream(bomb)));
            return error.Reason;
        })));

        Assert.All(outcomes, reason => Assert.Equal(ProfileImageRejectionReason.TooManyPixels, reason));
    }

    /// <summary>
    /// Runs the pipeline on this thread (a <see cref="MemoryStream"/> completes synchronously) and measures the managed
    /// bytes it allocated.
    /// </summary>
    private async Task<(ProfileImageRejectedException Error, long Allocated)> RejectAsync(byte[] upload)
    {
        var stream = new MemoryStream(upload);
        var thread = Environment.CurrentManagedThreadId;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var task = _processor.ProcessAsync(stream);
        var after = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(task.IsCompleted, "the pipeline must complete synchronously over a MemoryStream for this measurement");
        Assert.Equal(thread, Environment.CurrentManagedThreadId);
        var error = await Assert.ThrowsAsync<ProfileImageRejectedException>(() => task);
        return (error, after - before);
    }
}
