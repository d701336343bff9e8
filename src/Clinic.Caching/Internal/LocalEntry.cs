namespace Clinic.Caching.Internal;

/// <summary>One value of the memory store, with what invalidation matches on and a slot for its parsed form.</summary>
internal sealed class LocalEntry(byte[] value, string url, IReadOnlyList<string> tags, long expiresAtUnixMilliseconds)
{
    public byte[] Value { get; } = value;

    public string Url { get; } = url;

    public IReadOnlyList<string> Tags { get; } = tags;

    public long ExpiresAtUnixMilliseconds { get; } = expiresAtUnixMilliseconds;

    /// <summary>The parsed <see cref="CachedResponse"/> or <see cref="VaryRecord"/>, set on first use (races are harmless).</summary>
    public object? Parsed { get; set; }
}
