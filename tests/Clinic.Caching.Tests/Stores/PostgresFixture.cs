using Clinic.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Caching.Tests.Stores;

public sealed class PostgresFixture : DatabaseFixture
{
    private PostgresTestDatabase? _database;

    protected override async Task<string> CreateDatabaseAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync("clinic_caching_");
        return _database.ConnectionString;
    }

    protected override ValueTask DeleteDatabaseAsync() => _database?.DisposeAsync() ?? ValueTask.CompletedTask;

    public override void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);
}
