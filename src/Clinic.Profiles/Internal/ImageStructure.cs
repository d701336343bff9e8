using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Clinic.Profiles.Internal;

/// <summary>
/// Walks the container structure of an upload without decoding pixels: recognises the format from its signature,
/// refuses markup, finds the end of the image (so appended bytes, as in a polyglot, and truncation are caught), counts
/// frames and bounds what compressed metadata chunks inflate to. Decoding stays with SkiaSharp; this only reads the
/// length-prefixed framing that every decoder trusts.
/// </summary>
internal static class ImageStructure
{
    /// <summary>The most a single PNG <c>iCCP</c>/<c>zTXt</c>/<c>iTXt</c> chunk may inflate to.</summary>
    public const int MaxInflatedChunkBytes = 4 * 1024 * 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageHeader Inspect(ReadOnlyMemory<byte> memory, int maxFrames)
    {
        var data = memory.Span;
        if (data.IsEmpty)
        {
            throw Reject(ProfileImageRejectionReason.Empty, "The file is empty.");
        }

        if (data.StartsWith(PngSignature))
        {
            InspectPng(memory, maxFrames);
            return new ImageHeader(ImageContainer.Png, ReadUInt32BigEndianAt(data, 16), ReadUInt32BigEndianAt(data, 20));
        }

        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            var (width, height) = InspectJpeg(data);
            return new ImageHeader(ImageContainer.Jpeg, width, height);
        }

        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            InspectGif(data, maxFrames);
            return new ImageHeader(ImageContainer.Gif, BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..]));
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            InspectWebp(data, maxFrames);
            return new ImageHeader(ImageContainer.Webp, 0, 0);
        }

        if (LooksLikeMarkup(data))
        {
            throw Reject(ProfileImageRejectionReason.ActiveContent, "SVG, HTML and other markup are not accepted; upload a JPEG, PNG, WebP or GIF image.");
        }

        throw Reject(ProfileImageRejectionReason.UnsupportedFormat, "The file is not a JPEG, PNG, WebP or GIF image.");
    }

    private static uint ReadUInt32BigEndianAt(ReadOnlySpan<byte> data, int offset) =>
        BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);

    internal static ProfileImageRejectedException Reject(ProfileImageRejectionReason reason, string message) => new(reason, message);

    private static ProfileImageRejectedException Truncated() =>
        Reject(ProfileImageRejectionReason.Truncated, "The image is incomplete (the file ends too early); upload the whole file.");

    private static ProfileImageRejectedException Corrupt(string what) =>
        Reject(ProfileImageRejectionReason.Corrupt, $"The image is damaged ({what}).");

    private static ProfileImageRejectedException Trailing() =>
        Reject(ProfileImageRejectionReason.TrailingData, "The file holds more than an image (data follows the end of the image); upload a plain image.");

    private static ProfileImageRejectedException TooManyFrames(int maxFrames) =>
        Reject(ProfileImageRejectionReason.TooManyFrames, $"The animation has more than {maxFrames} frames.");

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> data)
    {
        var head = data[..Math.Min(data.Length, 1024)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        var text = Encoding.Latin1.GetString(head).TrimStart();
        if (text.StartsWith('<'))
        {
            return true;
        }

        foreach (var marker in (string[])["<svg", "<html", "<script", "<?xml", "<!doctype", "<body", "<iframe"])
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void InspectPng(ReadOnlyMemory<byte> memory, int maxFrames)
    {
        var data = memory.Span;
        var position = PngSignature.Length;
        var first = true;
        var sawImageData = false;
        while (true)
        {
            if (data.Length - position < 12)
            {
                throw Truncated();
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            var type = data.Slice(position + 4, 4);
            if (length > int.MaxValue || data.Length - position - 12 < length)
            {
                throw length > int.MaxValue ? Corrupt("a PNG chunk length is out of range") : Truncated();
            }

            var body = memory.Slice(position + 8, (int)length);
            position += 12 + (int)length;
            if (first)
            {
                if (!type.SequenceEqual("IHDR"u8) || length != 13)
                {
                    throw Corrupt("the PNG header chunk is missing");
                }

                first = false;
            }

            if (type.SequenceEqual("IDAT"u8))
            {
                sawImageData = true;
            }
            else if (type.SequenceEqual("acTL"u8) && length >= 8)
            {
                var frames = BinaryPrimitives.ReadUInt32BigEndian(body.Span);
                if (frames > (uint)maxFrames)
                {
                    throw TooManyFrames(maxFrames);
                }
            }
            else if (type.SequenceEqual("iCCP"u8) || type.SequenceEqual("zTXt"u8))
            {
                CheckCompressedChunk(body, textual: false);
            }
            else if (type.SequenceEqual("iTXt"u8))
            {
                CheckCompressedChunk(body, textual: true);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                if (!sawImageData)
                {
                    throw Corrupt("the PNG has no image data");
                }

                if (position != data.Length)
                {
                    throw Trailing();
                }

                return;
            }
        }
    }

    /// <summary>Inflates a compressed PNG metadata chunk into a small reused buffer, refusing past the limit.</summary>
    private static void CheckCompressedChunk(ReadOnlyMemory<byte> body, bool textual)
    {
        var span = body.Span;
        var keywordEnd = span.IndexOf((byte)0);
        if (keywordEnd < 0)
        {
            throw Corrupt("a PNG text or colour-profile chunk is malformed");
        }

        int start;
        if (textual)
        {
            // iTXt: keyword NUL, compression flag, method, language NUL, translated keyword NUL, text.
            if (span.Length < keywordEnd + 3 || span[keywordEnd + 1] == 0)
            {
                return;
            }

            var rest = span[(keywordEnd + 3)..];
            var languageEnd = rest.IndexOf((byte)0);
            var translatedEnd = languageEnd < 0 ? -1 : rest[(languageEnd + 1)..].IndexOf((byte)0);
            if (translatedEnd < 0)
            {
                throw Corrupt("a PNG text chunk is malformed");
            }

            start = keywordEnd + 3 + languageEnd + 1 + translatedEnd + 1;
        }
        else
        {
            // iCCP and zTXt: keyword NUL, compression method, compressed data.
            start = keywordEnd + 2;
        }

        if (start > span.Length)
        {
            throw Corrupt("a PNG text or colour-profile chunk is malformed");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var compressed = new ReadOnlyMemoryStream(body[start..]);
            using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
            long total = 0;
            int read;
            while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > MaxInflatedChunkBytes)
                {
                    throw Reject(
                        ProfileImageRejectionReason.DecompressionBomb,
                        $"The image holds a compressed block that expands past {MaxInflatedChunkBytes / (1024 * 1024)} MiB.");
                }
            }
        }
        catch (InvalidDataException exception)
        {
            throw new ProfileImageRejectedException(ProfileImageRejectionReason.Corrupt, "The image is damaged (a compressed PNG chunk is invalid).", exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (int Width, int Height) InspectJpeg(ReadOnlySpan<byte> data)
    {
        var end = JpegEnd(data, out var width, out var height);

        // Bytes after the end are allowed only as further complete JPEG streams (the secondary images of the
        // Multi-Picture Format, such as a phone's gain map) or zero padding; anything else is a polyglot.
        var rest = data[end..];
        while (!rest.IsEmpty)
        {
            if (rest.Length >= 3 && rest[0] == 0xFF && rest[1] == 0xD8 && rest[2] == 0xFF)
            {
                rest = rest[JpegEnd(rest, out _, out _)..];
            }
            else if (!rest.ContainsAnyExcept((byte)0))
            {
                break;
            }
            else
            {
                throw Trailing();
            }
        }

        return (width, height);
    }

    /// <summary>The offset just after the EOI marker of the JPEG stream that starts <paramref name="data"/>.</summary>
    private static int JpegEnd(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = 0;
        height = 0;
        var position = 2;
        var sawFrame = false;
        while (true)
        {
            if (position >= data.Length)
            {
                throw Truncated();
            }

            if (data[position] != 0xFF)
            {
                throw Corrupt("a JPEG marker is missing");
            }

            // Fill bytes: any number of 0xFF before a marker.
            while (position < data.Length && data[position] == 0xFF)
            {
                position++;
            }

            if (position >= data.Length)
            {
                throw Truncated();
            }

            var marker = data[position];
            position++;
            if (marker == 0xD9)
            {
                if (!sawFrame)
                {
                    throw Corrupt("the JPEG has no image");
                }

                return position;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }

            if (marker is 0x00 or 0xD8)
            {
                throw Corrupt("a JPEG marker is invalid");
            }

            if (data.Length - position < 2)
            {
                throw Truncated();
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            if (length < 2)
            {
                throw Corrupt("a JPEG segment length is invalid");
            }

            if (data.Length - position < length)
            {
                throw Truncated();
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7)
                {
                    throw Corrupt("a JPEG frame header is too short");
                }

                sawFrame = true;
                height = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 3)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]);
            }

            position += length;
            if (marker != 0xDA)
            {
                continue;
            }

            // Entropy-coded data after SOS: runs until a 0xFF that is not stuffing (0xFF00) or a restart marker.
            while (true)
            {
                var next = data[position..].IndexOf((byte)0xFF);
                if (next < 0 || position + next + 1 >= data.Length)
                {
                    throw Truncated();
                }

                position += next;
                var following = data[position + 1];
                if (following == 0x00 || following is >= 0xD0 and <= 0xD7)
                {
                    position += 2;
                    continue;
                }

                if (following == 0xFF)
                {
                    position++;
                    continue;
                }

                break;
            }
        }
    }

    private static void InspectGif(ReadOnlySpan<byte> data, int maxFrames)
    {
        if (data.Length < 13)
        {
            throw Truncated();
        }

        var flags = data[10];
        var position = 13;
        if ((flags & 0x80) != 0)
        {
            position += 3 * (1 << ((flags & 0x07) + 1));
        }

        var frames = 0;
        while (true)
        {
            if (position >= data.Length)
            {
                throw Truncated();
            }

            var block = data[position++];
            switch (block)
            {
                case 0x2C:
                    if (data.Length - position < 9)
                    {
                        throw Truncated();
                    }

                    var imageFlags = data[position + 8];
                    position += 9;
                    if ((imageFlags & 0x80) != 0)
                    {
                        position += 3 * (1 << ((imageFlags & 0x07) + 1));
                    }

                    position++; // LZW minimum code size
                    position = SkipSubBlocks(data, position);
                    if (++frames > maxFrames)
                    {
                        throw TooManyFrames(maxFrames);
                    }

                    break;
                case 0x21:
                    position++; // extension label
                    position = SkipSubBlocks(data, position);
                    break;
                case 0x3B:
                    if (frames == 0)
                    {
                        throw Corrupt("the GIF has no image");
                    }

                    if (position != data.Length)
                    {
                        throw Trailing();
                    }

                    return;
                default:
                    throw Corrupt("a GIF block is invalid");
            }
        }
    }

    private static int SkipSubBlocks(ReadOnlySpan<byte> data, int position)
    {
        while (true)
        {
            if (position >= data.Length)
            {
                throw Truncated();
            }

            var size = data[position];
            position += 1 + size;
            if (size == 0)
            {
                return position;
            }
        }
    }

    private static void InspectWebp(ReadOnlySpan<byte> data, int maxFrames)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffSize < 4 || riffSize > int.MaxValue - 8)
        {
            throw Corrupt("the WebP size is invalid");
        }

        var end = 8L + riffSize;
        if (end > data.Length)
        {
            throw Truncated();
        }

        if (end < data.Length)
        {
            throw Trailing();
        }

        var position = 12;
        var frames = 0;
        var sawImage = false;
        while (position < end)
        {
            if (end - position < 8)
            {
                throw Truncated();
            }

            var fourCc = data.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 4)..]);
            var padded = size + (size & 1);
            if (padded > end - position - 8)
            {
                // A final odd-sized chunk may lack its pad byte.
                if (size > end - position - 8)
                {
                    throw Truncated();
                }
            }

            if (position == 12 && !(fourCc.SequenceEqual("VP8 "u8) || fourCc.SequenceEqual("VP8L"u8) || fourCc.SequenceEqual("VP8X"u8)))
            {
                throw Corrupt("the WebP image chunk is missing");
            }

            if (fourCc.SequenceEqual("VP8 "u8) || fourCc.SequenceEqual("VP8L"u8))
            {
                sawImage = true;
            }
            else if (fourCc.SequenceEqual("ANMF"u8))
            {
                sawImage = true;
                if (++frames > maxFrames)
                {
                    throw TooManyFrames(maxFrames);
                }
            }

            position = (int)Math.Min(end, position + 8L + padded);
        }

        if (!sawImage)
        {
            throw Corrupt("the WebP has no image");
        }
    }
}
