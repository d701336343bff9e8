using Clinic.Caching.Internal;
using Clinic.Testing;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching.Tests.Stores;

/// <summary>One Redis connection per class; every test's keys carry their own prefix.</summary>
public sealed class RedisFixture : IDisposable
{
    public RedisFixture() =>
        Services = new ServiceCollection()
            .AddStackExchangeRedisCache(o =>
            {
                o.Configuration = TestEnvironment.RequireRedis();
                o.InstanceName = "clinic-caching-tests:";
            })
            .BuildServiceProvider();

    public ServiceProvider Services { get; }

    public void Dispose() => Services.Dispose();
}
