using System.Buffers.Text;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Clinic.CookiesSessions.Internal;

/// <summary>
/// The payload half of Django's <c>sign_object</c>/<c>unsign_object</c>: compact JSON, optionally zlib-compressed
/// (marked with a leading <c>.</c>), URL-safe base64 without padding.
/// </summary>
internal static class DjangoJson
{
    /// <summary>A decompressed payload larger than this is refused (a zip bomb signed with a leaked key).</summary>
    public const int MaxDecompressedBytes = 4 * 1024 * 1024;

    // The default encoder escapes every non-ASCII character as \uXXXX, as Python's json.dumps(ensure_ascii=True)
    // does, so Django's latin-1 decoding reads the same text.
    private static readonly JsonSerializerOptions DefaultOptions = new(JsonSerializerDefaults.General);

    public static string Encode<T>(T value, bool compress, JsonSerializerOptions? options)
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(value, options ?? DefaultOptions);
        var isCompressed = false;
        if (compress)
        {
            using var output = new MemoryStream();
            using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(data);
            }

            if (output.Length < data.Length - 1)
            {
                data = output.ToArray();
                isCompressed = true;
            }
        }

        var encoded = Base64Url.EncodeToString(data);
        return isCompressed ? "." + encoded : encoded;
    }

    public static T? Decode<T>(string payload, JsonSerializerOptions? options)
    {
        var text = payload.AsSpan();
        var decompress = text.Length > 0 && text[0] == '.';
        if (decompress)
        {
            text = text[1..];
        }

        byte[] data;
        try
        {
            data = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException ex)
        {
            throw new BadSignature("The signed payload is not valid URL-safe base64.", ex);
        }

        if (decompress)
        {
            data = Inflate(data);
        }

        try
        {
            // Django decodes the JSON bytes as latin-1; its own output is ASCII, for which this is the identity.
            return JsonSerializer.Deserialize<T>(Encoding.Latin1.GetString(data), options ?? DefaultOptions);
        }
        catch (JsonException ex)
        {
            throw new BadSignature($"The signed payload is not JSON of type {typeof(T).Name}.", ex);
        }
    }

    private static byte[] Inflate(byte[] data)
    {
        try
        {
            using var input = new MemoryStream(data);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[8192];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxDecompressedBytes)
                {
                    throw new BadSignature($"The signed payload decompresses to more than {MaxDecompressedBytes} bytes.");
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new BadSignature("The signed payload is not valid zlib data.", ex);
        }
    }
}
