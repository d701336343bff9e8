using Clinic.Caching.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching.Tests.Stores;

public sealed class PostgresStoreTests(PostgresFixture fixture) : StoreContractAdapter, IClassFixture<PostgresFixture>
{
    private IResponseCacheStore? _store;

    protected override IResponseCacheStore Store =>
        _store ??= new EntityFrameworkResponseCacheStore<TestCacheDbContext>(fixture.Services.GetRequiredService<IServiceScopeFactory>(), Time);
}
