using Clinic.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Tests.Infrastructure;

/// <summary>
/// A throw-away database: a SQLite file or a uniquely named PostgreSQL database (the shared
/// <see cref="SqliteTestFile"/> and <see cref="PostgresTestDatabase"/> of Clinic.Testing), deleted or dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteTestFile? _sqlite;
    private readonly PostgresTestDatabase? _postgres;

    private TestDatabase(SqliteTestFile sqlite)
    {
        _sqlite = sqlite;
        Kind = "sqlite";
        ConnectionString = $"Data Source={sqlite.Path};Pooling=False";
    }

    private TestDatabase(PostgresTestDatabase postgres)
    {
        _postgres = postgres;
        Kind = "postgres";
        ConnectionString = postgres.ConnectionString;
    }

    public string Kind { get; }

    public string ConnectionString { get; }

    public static TestDatabase Create(string kind) => kind switch
    {
        "sqlite" => Sqlite(),
        "postgres" => Postgres(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static TestDatabase Sqlite() => new(new SqliteTestFile("clinic_users_"));

    public static TestDatabase Postgres() => new(PostgresTestDatabase.Create("clinic_users_"));

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Kind == "sqlite")
        {
            options.UseSqlite(ConnectionString);
        }
        else
        {
            options.UseNpgsql(ConnectionString);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
