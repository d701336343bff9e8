using System.Diagnostics.CodeAnalysis;
using Clinic.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Caching.Tests.Stores;

[SuppressMessage("Reliability", "CA1001", Justification = "The file is deleted by DeleteDatabaseAsync, from the fixture's IAsyncLifetime.DisposeAsync.")]
public sealed class SqliteFixture : DatabaseFixture
{
    private readonly SqliteTestFile _file = new("clinic-caching-");

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult("Data Source=" + _file.Path);

    protected override ValueTask DeleteDatabaseAsync()
    {
        _file.Dispose();
        return ValueTask.CompletedTask;
    }

    public override void Configure(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);
}
