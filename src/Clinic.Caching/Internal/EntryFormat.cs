using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Clinic.Caching.Internal;

/// <summary>
/// The bytes every store keeps. Little-endian, length-prefixed UTF-8 strings. A page: kind 0x51, created (Unix ms,
/// int64), header count, per header a name, a value count and the values, then the body length and the body.
/// A vary record: kind 0x52, the generation, the header-name count and the names. Anything malformed reads as absent.
/// </summary>
internal static class EntryFormat
{
    private const byte PageKind = 0x51;
    private const byte VaryKind = 0x52;

    /// <summary>Response headers that belong to one transmission, not to the stored representation.</summary>
    private static readonly HashSet<string> NotStored = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Age, HeaderNames.Server, HeaderNames.TransferEncoding, HeaderNames.Connection,
        HeaderNames.KeepAlive, HeaderNames.ContentLength, HeaderNames.Upgrade, HeaderNames.ProxyConnection, "Trailer",
    };

    /// <summary>A whole page entry in one array (used where the body is already at hand).</summary>
    public static byte[] WritePage(long createdUnixMilliseconds, IHeaderDictionary headers, string diagnosticHeader, ReadOnlySpan<byte> body)
    {
        var head = WritePageHead(createdUnixMilliseconds, headers, diagnosticHeader);
        try
        {
            return ComposePage(head.Span, body);
        }
        finally
        {
            head.Dispose();
        }
    }

    /// <summary>
    /// Everything of a page entry before the body (kind, created, headers), into a pooled buffer: taken when the
    /// response starts, so what is stored is exactly what the rules judged.
    /// </summary>
    public static PooledBytes WritePageHead(long createdUnixMilliseconds, IHeaderDictionary headers, string diagnosticHeader)
    {
        var size = 1 + 8 + 4;
        var count = 0;
        foreach (var (name, values) in headers)
        {
            if (!IsStored(name, diagnosticHeader))
            {
                continue;
            }

            count++;
            size += 4 + Encoding.UTF8.GetByteCount(name) + 4;
            foreach (var value in values)
            {
                size += 4 + Encoding.UTF8.GetByteCount(value ?? string.Empty);
            }
        }

        var head = new PooledBytes(size);
        var span = head.Span;
        span[0] = PageKind;
        var offset = 1;
        BinaryPrimitives.WriteInt64LittleEndian(span[offset..], createdUnixMilliseconds);
        offset += 8;
        BinaryPrimitives.WriteInt32LittleEndian(span[offset..], count);
        offset += 4;
        foreach (var (name, values) in headers)
        {
            if (!IsStored(name, diagnosticHeader))
            {
                continue;
            }

            offset += WriteString(span[offset..], name);
            BinaryPrimitives.WriteInt32LittleEndian(span[offset..], values.Count);
            offset += 4;
            foreach (var value in values)
            {
                offset += WriteString(span[offset..], value ?? string.Empty);
            }
        }

        return head;
    }

    /// <summary>The stored entry: the head from <see cref="WritePageHead"/>, the body length and the body, in one exact-size array.</summary>
    public static byte[] ComposePage(ReadOnlySpan<byte> head, ReadOnlySpan<byte> body)
    {
        var data = GC.AllocateUninitializedArray<byte>(head.Length + 4 + body.Length);
        head.CopyTo(data);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(head.Length), body.Length);
        body.CopyTo(data.AsSpan(head.Length + 4));
        return data;
    }

    private static bool IsStored(string name, string diagnosticHeader) =>
        !NotStored.Contains(name) && !string.Equals(name, diagnosticHeader, StringComparison.OrdinalIgnoreCase);

    public static CachedResponse? ReadPage(byte[]? data)
    {
        if (data is null || data.Length < 17 || data[0] != PageKind)
        {
            return null;
        }

        try
        {
            var span = data.AsSpan();
            var offset = 1;
            var created = BinaryPrimitives.ReadInt64LittleEndian(span[offset..]);
            offset += 8;
            var count = ReadCount(span, ref offset, 1000);
            var names = new string[count];
            var values = new StringValues[count];
            string? etag = null;
            DateTimeOffset? lastModified = null;
            for (var i = 0; i < count; i++)
            {
                names[i] = ReadString(span, ref offset);
                var valueCount = ReadCount(span, ref offset, 1000);
                if (valueCount == 1)
                {
                    values[i] = ReadString(span, ref offset);
                }
                else
                {
                    var array = new string[valueCount];
                    for (var j = 0; j < valueCount; j++)
                    {
                        array[j] = ReadString(span, ref offset);
                    }

                    values[i] = array;
                }

                if (string.Equals(names[i], HeaderNames.ETag, StringComparison.OrdinalIgnoreCase))
                {
                    etag = values[i].ToString();
                }
                else if (string.Equals(names[i], HeaderNames.LastModified, StringComparison.OrdinalIgnoreCase)
                    && HeaderUtilities.TryParseDate(values[i].ToString(), out var parsed))
                {
                    lastModified = parsed;
                }
            }

            var bodyLength = ReadCount(span, ref offset, int.MaxValue);
            if (offset + bodyLength != data.Length)
            {
                return null;
            }

            return new CachedResponse
            {
                CreatedUnixMilliseconds = created,
                HeaderNames = names,
                HeaderValues = values,
                Body = data.AsMemory(offset, bodyLength),
                ETag = etag,
                LastModified = lastModified,
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static byte[] WriteVary(VaryRecord record)
    {
        var size = 1 + 4 + Encoding.UTF8.GetByteCount(record.Generation) + 4;
        foreach (var name in record.HeaderNames)
        {
            size += 4 + Encoding.UTF8.GetByteCount(name);
        }

        var data = new byte[size];
        var span = data.AsSpan();
        span[0] = VaryKind;
        var offset = 1;
        offset += WriteString(span[offset..], record.Generation);
        BinaryPrimitives.WriteInt32LittleEndian(span[offset..], record.HeaderNames.Length);
        offset += 4;
        foreach (var name in record.HeaderNames)
        {
            offset += WriteString(span[offset..], name);
        }

        return data;
    }

    public static VaryRecord? ReadVary(byte[]? data)
    {
        if (data is null || data.Length < 9 || data[0] != VaryKind)
        {
            return null;
        }

        try
        {
            var span = data.AsSpan();
            var offset = 1;
            var generation = ReadString(span, ref offset);
            var count = ReadCount(span, ref offset, 100);
            var names = new string[count];
            for (var i = 0; i < count; i++)
            {
                names[i] = ReadString(span, ref offset);
            }

            return offset == data.Length ? new VaryRecord(names, generation) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static int WriteString(Span<byte> destination, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination, written);
        return 4 + written;
    }

    private static int ReadCount(ReadOnlySpan<byte> span, ref int offset, int max)
    {
        if (offset + 4 > span.Length)
        {
            throw new FormatException("Truncated entry.");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(span[offset..]);
        offset += 4;
        if (count < 0 || count > max)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Bad count {count}."));
        }

        return count;
    }

    private static string ReadString(ReadOnlySpan<byte> span, ref int offset)
    {
        var length = ReadCount(span, ref offset, span.Length);
        if (offset + length > span.Length)
        {
            throw new FormatException("Truncated string.");
        }

        var value = Encoding.UTF8.GetString(span.Slice(offset, length));
        offset += length;
        return value;
    }
}
