namespace Clinic.Caching;

/// <summary>
/// Where cached responses live. Values are opaque byte arrays written by the middleware; a store keeps them until
/// their lifetime ends, they are removed, or the store needs room. Implementations must be thread-safe. The
/// middleware never changes an array it reads or writes, and may hand one read to several concurrent requests (reads
/// of one key are shared), so a store must not change an array after returning or receiving it.
/// </summary>
public interface IResponseCacheStore
{
    /// <summary>Returns the value stored under <paramref name="key"/>, or <see langword="null"/> when absent or expired.</summary>
    ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) <paramref name="value"/> under <paramref name="key"/>.</summary>
    ValueTask SetAsync(string key, byte[] value, ResponseCacheEntryOptions options, CancellationToken cancellationToken);

    /// <summary>Removes the value stored under <paramref name="key"/>, if any.</summary>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes every value whose <see cref="ResponseCacheEntryOptions.Url"/> starts with <paramref name="urlPrefix"/> (ordinal).</summary>
    ValueTask RemoveByUrlPrefixAsync(string urlPrefix, CancellationToken cancellationToken);

    /// <summary>Removes every value stored with <paramref name="tag"/> among its <see cref="ResponseCacheEntryOptions.Tags"/>.</summary>
    ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken);

    /// <summary>Removes every value this store holds.</summary>
    ValueTask ClearAsync(CancellationToken cancellationToken);
}
