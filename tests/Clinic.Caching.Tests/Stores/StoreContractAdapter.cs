using Clinic.Testing.Caching;

namespace Clinic.Caching.Tests.Stores;

/// <summary>Forwards the contract's operations to an <see cref="IResponseCacheStore"/>.</summary>
public abstract class StoreContractAdapter : ResponseCacheStoreContractTests
{
    protected abstract IResponseCacheStore Store { get; }

    protected override async Task<byte[]?> GetAsync(string key) => await Store.GetAsync(key, CancellationToken.None);

    protected override async Task SetAsync(string key, byte[] value, string url, TimeSpan timeToLive, string[] tags) =>
        await Store.SetAsync(key, value, new ResponseCacheEntryOptions(url, timeToLive, tags), CancellationToken.None);

    protected override async Task RemoveAsync(string key) => await Store.RemoveAsync(key, CancellationToken.None);

    protected override async Task RemoveByUrlPrefixAsync(string urlPrefix) => await Store.RemoveByUrlPrefixAsync(urlPrefix, CancellationToken.None);

    protected override async Task RemoveByTagAsync(string tag) => await Store.RemoveByTagAsync(tag, CancellationToken.None);

    protected override async Task ClearAsync() => await Store.ClearAsync(CancellationToken.None);
}
