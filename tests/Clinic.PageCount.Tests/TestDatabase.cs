using Clinic.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clinic.PageCount.Tests;

/// <summary>
/// A throw-away database with the page-count tables: a SQLite file (WAL) or a uniquely named PostgreSQL database, the
/// shared <see cref="SqliteTestFile"/> and <see cref="PostgresTestDatabase"/> of Clinic.Testing.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteTestFile? _sqlite;
    private readonly PostgresTestDatabase? _postgres;

    private TestDatabase(SqliteTestFile sqlite)
    {
        _sqlite = sqlite;
        ConnectionString = $"Data Source={sqlite.Path};Default Timeout=60";
    }

    private TestDatabase(PostgresTestDatabase postgres)
    {
        _postgres = postgres;
        ConnectionString = postgres.ConnectionString;
    }

    public bool IsPostgres => _postgres is not null;

    public string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync(string provider) =>
        provider == "postgres" ? CreatePostgresAsync() : CreateSqliteAsync();

    public static async Task<TestDatabase> CreateSqliteAsync()
    {
        var database = new TestDatabase(new SqliteTestFile("clinic_pagecount_"));
        await database.CreateSchemaAsync();
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return database;
    }

    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        var database = new TestDatabase(await PostgresTestDatabase.CreateAsync("clinic_pagecount_"));
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
        _sqlite?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
