using Clinic.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Signals.Tests.EntityFrameworkCore;

/// <summary>The model-signal tests on PostgreSQL: one database for the class, emptied before each test.</summary>
[Collection(ModelSignalsTests.Collection)]
public sealed class PostgresModelSignalsTests(PostgresModelSignalsTests.Database database) : ModelSignalsTests, IClassFixture<PostgresModelSignalsTests.Database>
{
    protected override void UseDatabase(DbContextOptionsBuilder options) => options.UseNpgsql(database.ConnectionString);

    protected override void ResetDatabase(SignalsTestDb db)
    {
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("TRUNCATE \"Patients\", \"Doctors\", \"Users\", \"Profiles\" RESTART IDENTITY CASCADE");
    }

    /// <summary>A uniquely named database (the shared <see cref="PostgresTestDatabase"/>), created for the class and dropped after it.</summary>
    public sealed class Database : IDisposable
    {
        private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create("clinic_signals_");

        public string ConnectionString => _database.ConnectionString;

        public void Dispose() => _database.Dispose();
    }
}
