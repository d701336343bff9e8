using Clinic.Caching.Internal;
using Microsoft.Extensions.Options;

namespace Clinic.Caching.Tests.Stores;

public sealed class MemoryStoreTests : StoreContractAdapter, IDisposable
{
    private readonly MemoryResponseCacheStore _store;

    public MemoryStoreTests() =>
        _store = new MemoryResponseCacheStore(Options.Create(new CachingOptions { MemorySizeLimit = 4 * 1024 * 1024 }), Time, TestMetrics.Create());

    protected override IResponseCacheStore Store => _store;

    [Fact]
    [Trait("Case", "CACHE-10")]
    public async Task Set_ManyEntriesPastSizeLimit_SizeStaysWithinLimit()
    {
        using var small = new MemoryResponseCacheStore(Options.Create(new CachingOptions { MemorySizeLimit = 64 * 1024 }), Time, TestMetrics.Create());
        var value = new byte[1000];
        for (var i = 0; i < 1000; i++)
        {
            await small.SetAsync("k" + i, value, new ResponseCacheEntryOptions("https://x/" + i, TimeSpan.FromMinutes(5), []), CancellationToken.None);
        }

        Assert.InRange(small.Size, 1, 64 * 1024 * 11 / 10);
        Assert.True(small.Count < 1000);
    }

    public void Dispose() => _store.Dispose();
}
