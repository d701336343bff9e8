using Clinic.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Clinic.Users.Tests.Infrastructure;

/// <summary>A throw-away database: a SQLite file or a uniquely named PostgreSQL database, dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqlitePath;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(string kind, string connectionString, string? sqlitePath, string? postgresAdmin, string? postgresName)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public string Kind { get; }

    public string ConnectionString { get; }

    public static TestDatabase Create(string kind) => kind switch
    {
        "sqlite" => Sqlite(),
        "postgres" => Postgres(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static TestDatabase Sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clinic_users_{Guid.NewGuid():N}.db");
        return new TestDatabase("sqlite", $"Data Source={path};Pooling=False", path, null, null);
    }

    public static TestDatabase Postgres()
    {
        var admin = TestEnvironment.RequirePostgres();
        var name = $"clinic_users_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("postgres", builder.ConnectionString, null, admin, name);
    }

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
        if (_sqlitePath is not null)
        {
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                }
            }
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
    }
}
