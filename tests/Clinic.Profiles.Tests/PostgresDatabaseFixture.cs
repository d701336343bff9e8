using Clinic.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Clinic.Profiles.Tests;

/// <summary>A uniquely named PostgreSQL database for one test class, dropped when the class is done.</summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private bool _created;

    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(TestEnvironment.RequirePostgres())
    {
        Database = "clinic_profiles_" + Guid.NewGuid().ToString("N"),
        Pooling = false,
    }.ConnectionString;

    public async Task EnsureSchemaAsync(DbContext context)
    {
        // Tests of one class run one after another, so no lock is needed.
        if (!_created)
        {
            await context.Database.EnsureCreatedAsync();
            _created = true;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var options = new DbContextOptionsBuilder<ProfilesTestDbContext>().UseNpgsql(ConnectionString).Options;
        await using var context = new ProfilesTestDbContext(options);
        await context.Database.EnsureDeletedAsync();
    }
}
