using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching.Tests.Stores;

/// <summary>One database per test class (a SQLite file, or a uniquely named PostgreSQL database), dropped at the end.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    public ServiceProvider Services { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Provides the throw-away database and returns its connection string.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>Deletes the database of <see cref="CreateDatabaseAsync"/>.</summary>
    protected abstract ValueTask DeleteDatabaseAsync();

    public abstract void Configure(DbContextOptionsBuilder options);

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        Services = new ServiceCollection().AddDbContext<TestCacheDbContext>(Configure).BuildServiceProvider();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TestCacheDbContext>().Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await DeleteDatabaseAsync();
    }
}
