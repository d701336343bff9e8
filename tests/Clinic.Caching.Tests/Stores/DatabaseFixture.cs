using Clinic.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clinic.Caching.Tests.Stores;

/// <summary>One database per test class (a SQLite file, or a uniquely named PostgreSQL database), dropped at the end.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    public ServiceProvider Services { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    protected abstract string CreateConnectionString();

    public abstract void Configure(DbContextOptionsBuilder options);

    public async Task InitializeAsync()
    {
        ConnectionString = CreateConnectionString();
        Services = new ServiceCollection().AddDbContext<TestCacheDbContext>(Configure).BuildServiceProvider();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TestCacheDbContext>().Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TestCacheDbContext>().Database.EnsureDeletedAsync();
        }

        await Services.DisposeAsync();
    }
}
