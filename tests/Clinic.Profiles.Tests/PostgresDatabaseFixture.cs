using Clinic.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Profiles.Tests;

/// <summary>A uniquely named PostgreSQL database for one test class, dropped when the class is done.</summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private PostgresTestDatabase? _database;
    private bool _created;

    public string ConnectionString => (_database ?? throw new InvalidOperationException("not initialized")).ConnectionString;

    public async Task EnsureSchemaAsync(DbContext context)
    {
        // Tests of one class run one after another, so no lock is needed.
        if (!_created)
        {
            await context.Database.EnsureCreatedAsync();
            _created = true;
        }
    }

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync("clinic_profiles_", pooling: false);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
