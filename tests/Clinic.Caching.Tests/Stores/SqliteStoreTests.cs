using Clinic.Caching.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching.Tests.Stores;

public sealed class SqliteStoreTests(SqliteFixture fixture) : StoreContractAdapter, IClassFixture<SqliteFixture>
{
    private IResponseCacheStore? _store;

    protected override IResponseCacheStore Store =>
        _store ??= new EntityFrameworkResponseCacheStore<TestCacheDbContext>(fixture.Services.GetRequiredService<IServiceScopeFactory>(), Time);

    [Fact]
    public async Task Set_Value_IsOneRowWithUrlTagsAndExpiry()
    {
        await Store.SetAsync(Unique + "row", [7], new ResponseCacheEntryOptions("https://x/row", TimeSpan.FromSeconds(30), ["a", "b"]), CancellationToken.None);
        await using var scope = fixture.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<TestCacheDbContext>().CachedResponses.SingleAsync(r => r.Key == Unique + "row");
        Assert.Equal("|a|b|", row.Tags);
        Assert.Equal("https://x/row", row.Url);
        Assert.Equal(Time.GetUtcNow().AddSeconds(30).ToUnixTimeMilliseconds(), row.ExpiresAtUnixMilliseconds);
    }
}
