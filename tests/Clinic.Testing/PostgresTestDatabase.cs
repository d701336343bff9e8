using Npgsql;

namespace Clinic.Testing;

/// <summary>
/// A throw-away PostgreSQL database on the server of <see cref="TestEnvironment.RequirePostgres"/>: created under a
/// unique name (a prefix and a GUID), and dropped on dispose with <c>WITH (FORCE)</c>, after the Npgsql pools are cleared.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable, IDisposable
{
    private readonly string _admin;
    private bool _dropped;

    private PostgresTestDatabase(string admin, string name, bool pooling)
    {
        _admin = admin;
        Name = name;
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        if (!pooling)
        {
            builder.Pooling = false;
        }

        ConnectionString = builder.ConnectionString;
    }

    /// <summary>The database's name: the prefix followed by a GUID without dashes.</summary>
    public string Name { get; }

    /// <summary>The administrative connection string with <c>Database</c> set to <see cref="Name"/>.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a uniquely named database.</summary>
    /// <param name="prefix">The start of the name, such as <c>clinic_users_</c>; a GUID follows it.</param>
    /// <param name="pooling">False to switch connection pooling off in <see cref="ConnectionString"/>.</param>
    public static async Task<PostgresTestDatabase> CreateAsync(string prefix = "clinic_test_", bool pooling = true)
    {
        var database = Reserve(prefix, pooling);
        await database.ExecuteAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    /// <summary>Creates a uniquely named database, synchronously (for constructors of fixtures and tests).</summary>
    /// <param name="prefix">The start of the name, such as <c>clinic_users_</c>; a GUID follows it.</param>
    /// <param name="pooling">False to switch connection pooling off in <see cref="ConnectionString"/>.</param>
    public static PostgresTestDatabase Create(string prefix = "clinic_test_", bool pooling = true)
    {
        var database = Reserve(prefix, pooling);
        database.Execute($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    /// <summary>Drops the database (if it exists), closing any connection still open to it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_dropped)
        {
            return;
        }

        _dropped = true;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    /// <summary>Drops the database (if it exists), synchronously.</summary>
    public void Dispose()
    {
        if (_dropped)
        {
            return;
        }

        _dropped = true;
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static PostgresTestDatabase Reserve(string prefix, bool pooling) =>
        new(TestEnvironment.RequirePostgres(), prefix + Guid.NewGuid().ToString("N"), pooling);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
