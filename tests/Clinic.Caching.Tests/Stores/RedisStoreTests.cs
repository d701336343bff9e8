using Clinic.Caching.Internal;
using Clinic.Testing;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching.Tests.Stores;

public sealed class RedisStoreTests(RedisFixture fixture) : StoreContractAdapter, IClassFixture<RedisFixture>
{
    private IResponseCacheStore? _store;

    protected override IResponseCacheStore Store =>
        _store ??= new DistributedResponseCacheStore(fixture.Services.GetRequiredService<IDistributedCache>(), Time, TestMetrics.Create());

    [Fact]
    public async Task Set_Value_ExpiresInRedisToo()
    {
        var cache = fixture.Services.GetRequiredService<IDistributedCache>();
        await Store.SetAsync(Unique + "ttl", [1, 2], new ResponseCacheEntryOptions("https://x/", TimeSpan.FromMinutes(3), []), CancellationToken.None);
        Assert.NotNull(await cache.GetAsync(Unique + "ttl"));
        await Store.RemoveAsync(Unique + "ttl", CancellationToken.None);
        Assert.Null(await cache.GetAsync(Unique + "ttl"));
    }
}
