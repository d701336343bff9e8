using SkiaSharp;

namespace Clinic.Profiles.Internal;

/// <summary>The built-in picture shown when a profile has none: a neutral silhouette, drawn once and kept as PNG.</summary>
internal static class DefaultAvatar
{
    public const int Size = 128;

    private static readonly Lazy<byte[]> Png = new(Draw);

    public static ReadOnlyMemory<byte> Content => Png.Value;

    private static byte[] Draw()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xE2, 0xE8, 0xF0));
            using var paint = new SKPaint { Color = new SKColor(0x94, 0xA3, 0xB8), IsAntialias = true };
            canvas.DrawCircle(Size / 2f, Size * 0.38f, Size * 0.19f, paint);
            canvas.DrawOval(new SKRect(Size * 0.16f, Size * 0.64f, Size * 0.84f, Size * 1.18f), paint);
        }

        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(SKPngEncoderOptions.Default);
        return data?.ToArray() ?? throw new InvalidOperationException("SkiaSharp could not encode the default avatar.");
    }
}
