using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Clinic.Profiles.Tests;

/// <summary>Real image files made by the tests: encoded with SkiaSharp, or written byte by byte where Skia has no encoder or the file must be hostile.</summary>
internal static class TestImages
{
    private static readonly Lazy<byte[]> ZerosDeflated100MiB = new(() => Deflate(100 * 1024 * 1024));

    /// <summary>An image of <paramref name="width"/>×<paramref name="height"/>, the left half <paramref name="left"/>, the right half <paramref name="right"/>.</summary>
    public static byte[] Encode(SKEncodedImageFormat format, int width, int height, SKColor left, SKColor? right = null, int quality = 95)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(left);
            using var paint = new SKPaint { Color = right ?? left };
            canvas.DrawRect(width / 2f, 0, width / 2f, height, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>A PNG of random pixels, which does not compress.</summary>
    public static byte[] Noise(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var pixels = new byte[width * height * 4];
        Random.Shared.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 0xFF;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width, int height, SKColor left, SKColor? right = null) =>
        Encode(SKEncodedImageFormat.Jpeg, width, height, left, right);

    public static byte[] Png(int width, int height, SKColor left, SKColor? right = null) =>
        Encode(SKEncodedImageFormat.Png, width, height, left, right);

    public static byte[] Webp(int width, int height, SKColor left, SKColor? right = null) =>
        Encode(SKEncodedImageFormat.Webp, width, height, left, right);

    /// <summary>
    /// A GIF written by hand (Skia has no GIF encoder): a four-colour palette (red, green, blue, white) and one frame
    /// per entry of <paramref name="frames"/>, each filled with that palette index.
    /// </summary>
    public static byte[] Gif(int width, int height, IReadOnlyList<byte> frames, int screenWidth = 0, int screenHeight = 0)
    {
        var output = new MemoryStream();
        output.Write("GIF89a"u8);
        WriteUInt16(output, screenWidth > 0 ? screenWidth : width);
        WriteUInt16(output, screenHeight > 0 ? screenHeight : height);
        output.WriteByte(0x81); // global colour table of 4 entries
        output.WriteByte(0);
        output.WriteByte(0);
        output.Write([0xFF, 0, 0, 0, 0xFF, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]);
        if (frames.Count > 1)
        {
            // NETSCAPE2.0 loop extension.
            output.Write([0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8, 0x03, 0x01, 0x00, 0x00, 0x00]);
        }

        var pixels = new byte[width * height];
        foreach (var index in frames)
        {
            output.Write([0x21, 0xF9, 0x04, 0x00, 0x0A, 0x00, 0x00, 0x00]); // graphic control, 100 ms
            output.WriteByte(0x2C);
            WriteUInt16(output, 0);
            WriteUInt16(output, 0);
            WriteUInt16(output, width);
            WriteUInt16(output, height);
            output.WriteByte(0);
            Array.Fill(pixels, index);
            output.WriteByte(2); // LZW minimum code size
            var lzw = Lzw(pixels);
            for (var offset = 0; offset < lzw.Length; offset += 255)
            {
                var size = Math.Min(255, lzw.Length - offset);
                output.WriteByte((byte)size);
                output.Write(lzw, offset, size);
            }

            output.WriteByte(0);
        }

        output.WriteByte(0x3B);
        return output.ToArray();
    }

    /// <summary>Inserts an EXIF APP1 segment (big-endian TIFF) with the orientation and, optionally, GPS coordinates after SOI.</summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation, bool gps)
    {
        var tiff = new MemoryStream();
        tiff.Write("MM\0\x2A"u8);
        WriteUInt32Be(tiff, 8);
        ushort entries = (ushort)(gps ? 2 : 1);
        WriteUInt16Be(tiff, entries);

        // Orientation: SHORT, count 1, value left-justified.
        WriteUInt16Be(tiff, 0x0112);
        WriteUInt16Be(tiff, 3);
        WriteUInt32Be(tiff, 1);
        WriteUInt16Be(tiff, orientation);
        WriteUInt16Be(tiff, 0);
        var gpsIfdOffset = 8 + 2 + (entries * 12) + 4;
        if (gps)
        {
            WriteUInt16Be(tiff, 0x8825); // GPSInfo IFD pointer
            WriteUInt16Be(tiff, 4);
            WriteUInt32Be(tiff, 1);
            WriteUInt32Be(tiff, (uint)gpsIfdOffset);
        }

        WriteUInt32Be(tiff, 0); // no next IFD
        if (gps)
        {
            var rationalOffset = gpsIfdOffset + 2 + (2 * 12) + 4;
            WriteUInt16Be(tiff, 2);
            WriteUInt16Be(tiff, 0x0001); // GPSLatitudeRef "N"
            WriteUInt16Be(tiff, 2);
            WriteUInt32Be(tiff, 2);
            tiff.Write("N\0\0\0"u8);
            WriteUInt16Be(tiff, 0x0002); // GPSLatitude 3 RATIONAL
            WriteUInt16Be(tiff, 5);
            WriteUInt32Be(tiff, 3);
            WriteUInt32Be(tiff, (uint)rationalOffset);
            WriteUInt32Be(tiff, 0);
            foreach (var (numerator, denominator) in GpsLatitude)
            {
                WriteUInt32Be(tiff, numerator);
                WriteUInt32Be(tiff, denominator);
            }
        }

        var payload = new MemoryStream();
        payload.Write("Exif\0\0"u8);
        tiff.WriteTo(payload);
        var segment = new MemoryStream();
        segment.Write([0xFF, 0xE1]);
        WriteUInt16Be(segment, (ushort)(payload.Length + 2));
        payload.WriteTo(segment);
        return [.. jpeg.AsSpan(0, 2), .. segment.ToArray(), .. jpeg.AsSpan(2)];
    }

    /// <summary>The latitude written by <see cref="WithExif"/>: 51° 28' 38.123".</summary>
    public static (uint Numerator, uint Denominator)[] GpsLatitude { get; } = [(51, 1), (28, 1), (38123, 1000)];

    /// <summary>The big-endian bytes of <see cref="GpsLatitude"/>, to look for in output.</summary>
    public static byte[] GpsLatitudeBytes()
    {
        var stream = new MemoryStream();
        foreach (var (numerator, denominator) in GpsLatitude)
        {
            WriteUInt32Be(stream, numerator);
            WriteUInt32Be(stream, denominator);
        }

        return stream.ToArray();
    }

    /// <summary>A valid PNG of zero-filled rows, built by streaming through <see cref="ZLibStream"/>: tiny on disk, huge decoded.</summary>
    public static byte[] ZeroPng(int width, int height, byte bitDepth = 2, byte colorType = 0)
    {
        var bitsPerPixel = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 1 } * bitDepth;
        var rowBytes = 1 + (int)(((long)width * bitsPerPixel + 7) / 8);
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[rowBytes];
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        return PngFile(Ihdr(width, height, bitDepth, colorType), [("IDAT", compressed.ToArray())]);
    }

    /// <summary>A PNG from its chunks (signature, IHDR, the chunks, IEND), with correct CRCs.</summary>
    public static byte[] PngFile(byte[] ihdr, IEnumerable<(string Type, byte[] Data)> chunks, bool end = true)
    {
        var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(output, "IHDR", ihdr);
        foreach (var (type, data) in chunks)
        {
            WriteChunk(output, type, data);
        }

        if (end)
        {
            WriteChunk(output, "IEND", []);
        }

        return output.ToArray();
    }

    public static byte[] Ihdr(int width, int height, byte bitDepth = 8, byte colorType = 2)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = bitDepth;
        ihdr[9] = colorType;
        return ihdr;
    }

    /// <summary>Inserts chunks just after IHDR of an existing PNG.</summary>
    public static byte[] InsertPngChunks(byte[] png, IEnumerable<(string Type, byte[] Data)> chunks)
    {
        var output = new MemoryStream();
        output.Write(png, 0, 33); // signature + IHDR
        foreach (var (type, data) in chunks)
        {
            WriteChunk(output, type, data);
        }

        output.Write(png, 33, png.Length - 33);
        return output.ToArray();
    }

    /// <summary>zlib data that inflates to 100 MiB of zeros (about 100 KB), built once.</summary>
    public static byte[] HundredMiBOfZerosDeflated => ZerosDeflated100MiB.Value;

    /// <summary>A minimal ZIP archive (one stored file), as appended in a polyglot.</summary>
    public static byte[] Zip(string payload = "<html><script>alert(document.cookie)</script></html>")
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry("payload.html", CompressionLevel.NoCompression);
            using var writer = new StreamWriter(entry.Open(), Encoding.UTF8);
            writer.Write(payload);
        }

        return output.ToArray();
    }

    public static void WriteChunk(Stream output, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        WriteUInt32Be(output, (uint)data.Length);
        output.Write(typeBytes);
        output.Write(data);
        WriteUInt32Be(output, Crc32([.. typeBytes, .. data]));
    }

    private static byte[] Deflate(int zeros)
    {
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var block = new byte[1024 * 1024];
            for (var written = 0; written < zeros; written += block.Length)
            {
                zlib.Write(block);
            }
        }

        return compressed.ToArray();
    }

    /// <summary>GIF LZW with a clear code after every two pixels, so the code width stays at 3 bits.</summary>
    private static byte[] Lzw(byte[] pixels)
    {
        const int clear = 4, endOfInformation = 5, width = 3;
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        void Emit(int code)
        {
            buffer |= code << bits;
            bits += width;
            while (bits >= 8)
            {
                output.Add((byte)(buffer & 0xFF));
                buffer >>= 8;
                bits -= 8;
            }
        }

        for (var i = 0; i < pixels.Length; i++)
        {
            if (i % 2 == 0)
            {
                Emit(clear);
            }

            Emit(pixels[i]);
        }

        Emit(endOfInformation);
        if (bits > 0)
        {
            output.Add((byte)(buffer & 0xFF));
        }

        return [.. output];
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void WriteUInt16(Stream stream, int value)
    {
        stream.WriteByte((byte)(value & 0xFF));
        stream.WriteByte((byte)(value >> 8));
    }

    private static void WriteUInt16Be(Stream stream, ushort value)
    {
        stream.WriteByte((byte)(value >> 8));
        stream.WriteByte((byte)(value & 0xFF));
    }

    private static void WriteUInt32Be(Stream stream, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        stream.Write(bytes);
    }
}
