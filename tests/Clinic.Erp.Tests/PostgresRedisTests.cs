using System.Net;
using Clinic.Erp.Data;
using Clinic.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace Clinic.Erp.Tests;

/// <summary>
/// The configuration switch: Erp:Database=PostgreSQL with an Npgsql connection string and ConnectionStrings:Redis move
/// the database, sessions and the page cache with no code change (real PostgreSQL and Redis, a throw-away database).
/// </summary>
public sealed class PostgresRedisTests : IAsyncLifetime, IDisposable
{
    private readonly string _database = "clinic_erp_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _admin = TestEnvironment.RequirePostgres();
    private ErpFactory _factory = null!;

    public async Task InitializeAsync()
    {
        await ExecuteAsync($"CREATE DATABASE \"{_database}\"");
        var connection = new NpgsqlConnectionStringBuilder(_admin) { Database = _database, Pooling = false }.ConnectionString;
        _factory = ErpFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Erp:Database"] = "PostgreSQL",
            ["ConnectionStrings:Erp"] = connection,
            ["ConnectionStrings:Redis"] = TestEnvironment.RequireRedis(),
            ["Erp:RedisInstanceName"] = _database + ":",
        });
    }

    [Fact]
    public async Task Boot_PostgresAndRedis_SeedsSignsInAndServesDoctorsFromThem()
    {
        using var client = new FormClient(_factory);
        var (listStatus, list) = await client.GetAsync("/doctors/");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("Gregory House", list, StringComparison.Ordinal);

        await Erp.SignInAsync(client, DemoData.HouseEmail, DemoData.HousePassword);
        var (patientsStatus, patients) = await client.GetAsync("/doctors/1/patients/");
        Assert.Equal(HttpStatusCode.OK, patientsStatus);
        Assert.Contains("Ada Lovelace", patients, StringComparison.Ordinal);
        var (sessionStatus, _) = await client.GetAsync("/session/");
        Assert.Equal(HttpStatusCode.OK, sessionStatus);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Equal(5, await db.Patients.CountAsync());
        // Sessions are in Redis, not in the database table; the distributed cache is Redis's.
        Assert.Equal(0, await db.Sessions.CountAsync());
        Assert.IsAssignableFrom<RedisCache>(scope.ServiceProvider.GetRequiredService<IDistributedCache>());
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RequireRedis());
        var keys = redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: _database + ":*").Select(k => k.ToString()).ToList();
        Assert.NotEmpty(keys);   // this run's sessions, cached pages and sign-in state, under this run's prefix
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    /// <summary>Already disposed by <see cref="DisposeAsync"/> (before the database is dropped); safe to call again.</summary>
    public void Dispose() => _factory?.Dispose();

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
