using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Signals.Tests.EntityFrameworkCore;

/// <summary>The model-signal tests on SQLite (an in-memory database kept alive by an open connection).</summary>
[Collection(ModelSignalsTests.Collection)]
public sealed class SqliteModelSignalsTests : ModelSignalsTests
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteModelSignalsTests() => _connection.Open();

    protected override void UseDatabase(DbContextOptionsBuilder options) => options.UseSqlite(_connection);

    protected override void ResetDatabase(SignalsTestDb db) => db.Database.EnsureCreated();

    protected override void DisposeDatabase() => _connection.Dispose();
}
