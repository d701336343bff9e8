using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Clinic.PageCount.Internal;

/// <summary>
/// A visitor's identity for one day: HMAC-SHA256 over the day and the IP address (or session id) with a secret key,
/// truncated to 128 bits. The raw value never leaves this method, and a new day gives unlinkable hashes.
/// </summary>
internal sealed class VisitorIdentifier
{
    private readonly byte[] _key;
    private readonly UniqueVisitorMode _mode;

    public VisitorIdentifier(IOptions<PageCountOptions> options)
    {
        _mode = options.Value.UniqueVisitors;
        _key = options.Value.VisitorHashKey is { } configured
            ? Encoding.UTF8.GetBytes(configured)
            : RandomNumberGenerator.GetBytes(32);
    }

    public bool Enabled => _mode != UniqueVisitorMode.None;

    public string? Identify(HttpContext context, DateOnly day)
    {
        Span<byte> input = stackalloc byte[200];
        if (!day.TryFormat(input[..10], out var written, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) || written != 10)
        {
            return null;
        }

        input[10] = (byte)'|';
        int length;
        if (_mode == UniqueVisitorMode.IpAddressHash)
        {
            var address = context.Connection.RemoteIpAddress;
            if (address is null || !address.TryWriteBytes(input[11..], out length))
            {
                return null;
            }
        }
        else
        {
            var session = context.Features.Get<ISessionFeature>()?.Session;
            if (session is null || !session.IsAvailable)
            {
                return null;
            }

            var id = session.Id;
            if (Encoding.UTF8.GetMaxByteCount(id.Length) > input.Length - 11)
            {
                return null;
            }

            length = Encoding.UTF8.GetBytes(id, input[11..]);
        }

        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, input[..(11 + length)], hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
