namespace Clinic.Caching;

/// <summary>One row of the database store: a key, what invalidation matches on, the expiry and the stored bytes.</summary>
public sealed class CachedResponseRecord
{
    /// <summary>The cache key (at most 256 characters).</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The absolute URL the value was produced for.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The tags, each surrounded by <c>|</c> (<c>|doctors|patients|</c>), empty when none.</summary>
    public string Tags { get; set; } = string.Empty;

    /// <summary>When the value expires, in Unix milliseconds.</summary>
    public long ExpiresAtUnixMilliseconds { get; set; }

    /// <summary>The stored bytes.</summary>
#pragma warning disable CA1819 // An EF Core byte[] column.
    public byte[] Value { get; set; } = [];
#pragma warning restore CA1819
}
