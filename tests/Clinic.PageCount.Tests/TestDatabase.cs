using Clinic.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Clinic.PageCount.Tests;

/// <summary>A throw-away database with the page-count tables: a SQLite file (WAL) or a uniquely named PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(bool postgres, string connectionString, string? sqliteFile, string? postgresName)
    {
        IsPostgres = postgres;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    public bool IsPostgres { get; }

    public string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync(string provider) =>
        provider == "postgres" ? CreatePostgresAsync() : CreateSqliteAsync();

    public static async Task<TestDatabase> CreateSqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"clinic_pagecount_{Guid.NewGuid():N}.db");
        var database = new TestDatabase(false, $"Data Source={file};Default Timeout=60", file, null);
        await database.CreateSchemaAsync();
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return database;
    }

    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = TestEnvironment.RequirePostgres();
        var name = $"clinic_pagecount_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        var database = new TestDatabase(true, connectionString, null, name);
        await database.CreateSchemaAsync();
        return database;
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (IsPostgres)
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }
    }

    public PageCountTestDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<PageCountTestDbContext>();
        Configure(builder);
        return new PageCountTestDbContext(builder.Options);
    }

    public async Task<long> ViewsAsync(string page)
    {
        await using var db = NewContext();
        return await db.PageCounts.Where(p => p.Page == page).Select(p => p.Views).FirstOrDefaultAsync();
    }

    public async Task<int> RowCountAsync()
    {
        await using var db = NewContext();
        return await db.PageCounts.CountAsync();
    }

    private async Task CreateSchemaAsync()
    {
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestEnvironment.RequirePostgres());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
