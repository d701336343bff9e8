using Clinic.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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

    /// <summary>A uniquely named database, created for the class and dropped after it.</summary>
    public sealed class Database : IDisposable
    {
        private readonly string _admin = TestEnvironment.RequirePostgres();
        private readonly string _name = "clinic_signals_" + Guid.NewGuid().ToString("N");

        public Database()
        {
            using var connection = new NpgsqlConnection(_admin);
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
            command.ExecuteNonQuery();
            ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ConnectionString;
        }

        public string ConnectionString { get; }

        public void Dispose()
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_admin);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
    }
}
