using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Clinic.Caching.Internal;

/// <summary>
/// Builds the keys (Django's <c>_generate_cache_key</c> and <c>_generate_cache_header_key</c>) from a URL part: the
/// absolute URL itself (scheme, host with port, path base, path, query) for a store in this process, or its
/// SHA-256 cut to 128 bits in lower-case hex for a store elsewhere (bounded key length, nothing of the URL in file
/// names or database keys). The vary record's key is <c>{prefix}h:{url}</c>; a page's key
/// <c>{prefix}{endpoint prefix}:p:{method}:{url}:{generation}:{vary}</c>, where <c>vary</c> hashes the values of the
/// learned request headers, an absent header encoded differently from an empty one. Every step works on caller
/// buffers so a hit allocates no key.
/// </summary>
internal sealed class CacheKeys(IOptions<CachingOptions> options, IResponseCacheStore store)
{
    public const int HashLength = 32;
    private const int StackLimit = 1024;

    private readonly string _prefix = options.Value.KeyPrefix;

    /// <summary>Whether keys carry the URL itself (in-process store) rather than its hash.</summary>
    public bool RawUrls { get; } = store is ILocalResponseCacheStore;

    public string Prefix => _prefix;

    public static string BuildUrl(HttpRequest request) =>
        string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value + request.QueryString.Value);

    public int UrlPartLength(HttpRequest request) => RawUrls
        ? request.Scheme.Length + 3 + (request.Host.Value?.Length ?? 0) + (request.PathBase.Value?.Length ?? 0)
            + (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0)
        : HashLength;

    public void WriteUrlPart(HttpRequest request, Span<char> destination)
    {
        if (!RawUrls)
        {
            HashUrl(request, destination);
            return;
        }

        var offset = 0;
        Append(destination, ref offset, request.Scheme);
        Append(destination, ref offset, "://");
        Append(destination, ref offset, request.Host.Value);
        Append(destination, ref offset, request.PathBase.Value);
        Append(destination, ref offset, request.Path.Value);
        Append(destination, ref offset, request.QueryString.Value);
    }

    public string UrlPart(string url)
    {
        if (RawUrls)
        {
            return url;
        }

        Span<char> hash = stackalloc char[HashLength];
        HashUrl(url, hash);
        return new string(hash);
    }

    public static void HashUrl(HttpRequest request, Span<char> destination) =>
        HashParts(request.Scheme, request.Host.Value ?? string.Empty, request.PathBase.Value ?? string.Empty,
            request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, destination);

    public static void HashUrl(string url, Span<char> destination) =>
        HashParts(url, string.Empty, string.Empty, string.Empty, string.Empty, destination, separator: false);

    public int VaryKeyLength(int urlPartLength) => _prefix.Length + 2 + urlPartLength;

    public void WriteVaryKey(ReadOnlySpan<char> urlPart, Span<char> destination)
    {
        _prefix.CopyTo(destination);
        "h:".CopyTo(destination[_prefix.Length..]);
        urlPart.CopyTo(destination[(_prefix.Length + 2)..]);
    }

    public int PageKeyLength(string? endpointPrefix, string method, VaryRecord vary, int urlPartLength) =>
        _prefix.Length + (endpointPrefix?.Length ?? 0) + 3 + method.Length + 1 + urlPartLength + 1 + vary.Generation.Length + 1 + HashLength;

    public void WritePageKey(string? endpointPrefix, string method, ReadOnlySpan<char> urlPart, VaryRecord vary, HttpRequest request, Span<char> destination)
    {
        var offset = 0;
        Append(destination, ref offset, _prefix);
        Append(destination, ref offset, endpointPrefix);
        Append(destination, ref offset, ":p:");
        Append(destination, ref offset, method);
        destination[offset++] = ':';
        Append(destination, ref offset, urlPart);
        destination[offset++] = ':';
        Append(destination, ref offset, vary.Generation);
        destination[offset++] = ':';
        HashVary(vary.HeaderNames, request.Headers, destination.Slice(offset, HashLength));
    }

    private static void Append(Span<char> destination, ref int offset, ReadOnlySpan<char> value)
    {
        value.CopyTo(destination[offset..]);
        offset += value.Length;
    }

    private static void HashParts(string a, string b, string c, string d, string e, Span<char> destination, bool separator = true)
    {
        var max = Encoding.UTF8.GetMaxByteCount(a.Length + b.Length + c.Length + d.Length + e.Length + 3);
        byte[]? rented = null;
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var n = Encoding.UTF8.GetBytes(a, buffer);
            if (separator)
            {
                n += Encoding.UTF8.GetBytes("://", buffer[n..]);
            }

            n += Encoding.UTF8.GetBytes(b, buffer[n..]);
            n += Encoding.UTF8.GetBytes(c, buffer[n..]);
            n += Encoding.UTF8.GetBytes(d, buffer[n..]);
            n += Encoding.UTF8.GetBytes(e, buffer[n..]);
            WriteHash(buffer[..n], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Per learned header: 0x00 when the request lacks it; otherwise 0x01, the UTF-8 length (int32) and the
    /// comma-joined values. So absent, empty and "a"+"b" versus "ab" all hash differently.
    /// </summary>
    private static void HashVary(string[] names, IHeaderDictionary headers, Span<char> destination)
    {
        if (names.Length == 0)
        {
            destination.Fill('-');
            return;
        }

        var max = 0;
        foreach (var name in names)
        {
            max += 5;
            if (headers.TryGetValue(name, out var values))
            {
                foreach (var value in values)
                {
                    max += Encoding.UTF8.GetMaxByteCount((value?.Length ?? 0) + 1);
                }
            }
        }

        byte[]? rented = null;
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var n = 0;
            foreach (var name in names)
            {
                if (!headers.TryGetValue(name, out var values))
                {
                    buffer[n++] = 0;
                    continue;
                }

                buffer[n++] = 1;
                var lengthAt = n;
                n += 4;
                var start = n;
                for (var i = 0; i < values.Count; i++)
                {
                    if (i > 0)
                    {
                        buffer[n++] = (byte)',';
                    }

                    n += Encoding.UTF8.GetBytes(values[i] ?? string.Empty, buffer[n..]);
                }

                BinaryPrimitives.WriteInt32LittleEndian(buffer[lengthAt..], n - start);
            }

            WriteHash(buffer[..n], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void WriteHash(ReadOnlySpan<byte> data, Span<char> destination)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        Convert.TryToHexStringLower(hash[..16], destination, out _);
    }
}
