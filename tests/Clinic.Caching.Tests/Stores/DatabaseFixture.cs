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

public sealed class SqliteFixture : DatabaseFixture
{
    protected override string CreateConnectionString() =>
        "Data Source=" + Path.Combine(Path.GetTempPath(), "clinic-caching-" + Guid.NewGuid().ToString("N") + ".db");

    public override void Configure(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);
}

public sealed class PostgresFixture : DatabaseFixture
{
    protected override string CreateConnectionString() =>
        new NpgsqlConnectionStringBuilder(TestEnvironment.RequirePostgres()) { Database = "clinic_caching_" + Guid.NewGuid().ToString("N") }.ConnectionString;

    public override void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);
}
