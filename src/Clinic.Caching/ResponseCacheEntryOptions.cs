namespace Clinic.Caching;

/// <summary>What a store keeps beside a value: its lifetime and what invalidation can find it by.</summary>
public sealed class ResponseCacheEntryOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="url">The absolute URL the value was produced for (scheme, host, path, query).</param>
    /// <param name="timeToLive">How long the value may be served, counted from now.</param>
    /// <param name="tags">Tags the value can be invalidated by; may be empty.</param>
    public ResponseCacheEntryOptions(string url, TimeSpan timeToLive, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        Url = url;
        TimeToLive = timeToLive;
        Tags = tags;
    }

    /// <summary>The absolute URL the value was produced for.</summary>
    public string Url { get; }

    /// <summary>How long the value may be served, counted from the moment it is stored.</summary>
    public TimeSpan TimeToLive { get; }

    /// <summary>Tags the value can be invalidated by.</summary>
    public IReadOnlyList<string> Tags { get; }
}
