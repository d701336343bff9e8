using Microsoft.Extensions.Primitives;

namespace Clinic.Caching.Internal;

/// <summary>A stored 200 response, parsed once (the memory store keeps the parsed form next to the bytes).</summary>
internal sealed class CachedResponse
{
    public required long CreatedUnixMilliseconds { get; init; }

    public required string[] HeaderNames { get; init; }

    public required StringValues[] HeaderValues { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }
}
