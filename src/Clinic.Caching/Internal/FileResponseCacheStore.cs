using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Caching.Internal;

/// <summary>
/// One file per key in one folder. A file's name is the SHA-256 of the key in hex (so no key reaches the file
/// system), its content a header (magic <c>CCF1</c>, expiry in Unix ms, URL, tags) and the value. Writes go to a
/// uniquely named temporary file renamed over the target, so readers see the old or the new file, never a torn one.
/// Above <see cref="FileStoreOptions.MaxEntries"/> files, expired ones go first, then one in
/// <see cref="FileStoreOptions.CullFrequency"/> of the rest, chosen at random (Django's file cache).
/// </summary>
internal sealed class FileResponseCacheStore : IResponseCacheStore
{
    private const string Extension = ".cache";
    private static readonly byte[] Magic = "CCF1"u8.ToArray();
    private readonly FileStoreOptions _options;
    private readonly string _folder;
    private readonly TimeProvider _time;
    private readonly CachingMetrics _metrics;
    private readonly ILogger _logger;

    public FileResponseCacheStore(IOptions<FileStoreOptions> options, TimeProvider time, CachingMetrics metrics, ILogger<FileResponseCacheStore> logger)
    {
        _options = options.Value;
        _folder = Path.GetFullPath(_options.Path);
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>
    /// A synchronous read: entries are small and mostly in the page cache, where a thread-pool hop of an asynchronous
    /// read costs more than the read itself. Only the expiry is parsed; the URL and tags stay unread.
    /// </summary>
    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return ValueTask.FromResult<byte[]?>(null);
        }

        if (!TryReadValue(data, out var expiresAt, out var valueOffset))
        {
            return ValueTask.FromResult<byte[]?>(null);
        }

        if (expiresAt <= _time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            TryDelete(path);
            return ValueTask.FromResult<byte[]?>(null);
        }

        return ValueTask.FromResult<byte[]?>(data.AsSpan(valueOffset).ToArray());
    }

    public async ValueTask SetAsync(string key, byte[] value, ResponseCacheEntryOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        Cull();
        var expires = _time.GetUtcNow().Add(options.TimeToLive).ToUnixTimeMilliseconds();
        var data = Write(expires, options.Url, options.Tags, value);
        var temporary = Path.Combine(_folder, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + ".tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, data, cancellationToken);
            File.Move(temporary, PathOf(key), overwrite: true);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        TryDelete(PathOf(key));
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveByUrlPrefixAsync(string urlPrefix, CancellationToken cancellationToken)
    {
        RemoveWhere(h => h.Url.StartsWith(urlPrefix, StringComparison.Ordinal));
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken)
    {
        RemoveWhere(h => h.Tags.Contains(tag, StringComparer.Ordinal));
        return ValueTask.CompletedTask;
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        RemoveWhere(_ => true);
        return ValueTask.CompletedTask;
    }

    private string PathOf(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        var max = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = null;
        var bytes = max <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            SHA256.HashData(bytes[..Encoding.UTF8.GetBytes(key, bytes)], hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        Span<char> name = stackalloc char[64];
        Convert.TryToHexStringLower(hash, name, out _);
        return string.Concat(_folder, [Path.DirectorySeparatorChar], name, Extension);
    }

    private string[] Files() => Directory.Exists(_folder) ? Directory.GetFiles(_folder, "*" + Extension) : [];

    private void RemoveWhere(Func<Header, bool> predicate)
    {
        foreach (var file in Files())
        {
            if (TryReadHeader(file, out var header) && predicate(header))
            {
                TryDelete(file);
                _metrics.Evictions.Add(1);
            }
        }
    }

    private void Cull()
    {
        var files = Files();
        if (files.Length < _options.MaxEntries)
        {
            return;
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var live = new List<string>(files.Length);
        foreach (var file in files)
        {
            if (!TryReadHeader(file, out var header) || header.ExpiresAt <= now)
            {
                TryDelete(file);
            }
            else
            {
                live.Add(file);
            }
        }

        var removed = files.Length - live.Count;
        if (live.Count >= _options.MaxEntries)
        {
            var doomed = live.ToArray();
            Random.Shared.Shuffle(doomed);
            var count = _options.CullFrequency == 1 ? doomed.Length : Math.Max(1, doomed.Length / _options.CullFrequency);
            foreach (var file in doomed.AsSpan(0, count))
            {
                TryDelete(file);
            }

            removed += count;
        }

        _metrics.Evictions.Add(removed);
        CachingLog.Culled(_logger, files.Length, removed);
    }

    private static bool TryReadHeader(string file, out Header header)
    {
        try
        {
            return TryRead(File.ReadAllBytes(file), out header, out _);
        }
        catch (IOException)
        {
            header = default;
            return false;
        }
    }

    private static byte[] Write(long expires, string url, IReadOnlyList<string> tags, byte[] value)
    {
        using var stream = new MemoryStream(value.Length + url.Length + 64);
        stream.Write(Magic);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(number, expires);
        stream.Write(number);
        WriteString(stream, url);
        BinaryPrimitives.WriteInt32LittleEndian(number, tags.Count);
        stream.Write(number[..4]);
        foreach (var tag in tags)
        {
            WriteString(stream, tag);
        }

        BinaryPrimitives.WriteInt32LittleEndian(number, value.Length);
        stream.Write(number[..4]);
        stream.Write(value);
        return stream.ToArray();
    }

    private static void WriteString(MemoryStream stream, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }

    private static bool TryRead(byte[] data, out Header header, out int valueOffset)
    {
        header = default;
        valueOffset = 0;
        var span = data.AsSpan();
        if (span.Length < 20 || !span[..4].SequenceEqual(Magic))
        {
            return false;
        }

        var offset = 4;
        var expires = BinaryPrimitives.ReadInt64LittleEndian(span[offset..]);
        offset += 8;
        if (!TryReadString(span, ref offset, out var url) || !TryReadInt(span, ref offset, out var tagCount) || tagCount < 0 || tagCount > 1000)
        {
            return false;
        }

        var tags = new string[tagCount];
        for (var i = 0; i < tagCount; i++)
        {
            if (!TryReadString(span, ref offset, out tags[i]))
            {
                return false;
            }
        }

        if (!TryReadInt(span, ref offset, out var length) || length != span.Length - offset)
        {
            return false;
        }

        header = new Header(expires, url, tags);
        valueOffset = offset;
        return true;
    }

    /// <summary>The read path of <see cref="TryRead"/>: the same checks, without materializing the URL and tags.</summary>
    private static bool TryReadValue(byte[] data, out long expiresAt, out int valueOffset)
    {
        expiresAt = 0;
        valueOffset = 0;
        var span = data.AsSpan();
        if (span.Length < 20 || !span[..4].SequenceEqual(Magic))
        {
            return false;
        }

        var offset = 4;
        expiresAt = BinaryPrimitives.ReadInt64LittleEndian(span[offset..]);
        offset += 8;
        if (!TrySkipString(span, ref offset) || !TryReadInt(span, ref offset, out var tagCount) || tagCount < 0 || tagCount > 1000)
        {
            return false;
        }

        for (var i = 0; i < tagCount; i++)
        {
            if (!TrySkipString(span, ref offset))
            {
                return false;
            }
        }

        if (!TryReadInt(span, ref offset, out var length) || length != span.Length - offset)
        {
            return false;
        }

        valueOffset = offset;
        return true;
    }

    private static bool TrySkipString(ReadOnlySpan<byte> span, ref int offset)
    {
        if (!TryReadInt(span, ref offset, out var length) || length < 0 || offset + length > span.Length)
        {
            return false;
        }

        offset += length;
        return true;
    }

    private static bool TryReadInt(ReadOnlySpan<byte> span, ref int offset, out int value)
    {
        value = 0;
        if (offset + 4 > span.Length)
        {
            return false;
        }

        value = BinaryPrimitives.ReadInt32LittleEndian(span[offset..]);
        offset += 4;
        return true;
    }

    private static bool TryReadString(ReadOnlySpan<byte> span, ref int offset, out string value)
    {
        value = string.Empty;
        if (!TryReadInt(span, ref offset, out var length) || length < 0 || offset + length > span.Length)
        {
            return false;
        }

        value = Encoding.UTF8.GetString(span.Slice(offset, length));
        offset += length;
        return true;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Deleted by another request, or in use: the next cull or read tries again.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    private readonly record struct Header(long ExpiresAt, string Url, string[] Tags);
}
