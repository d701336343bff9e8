using System.Data.Common;
using Clinic.CookiesSessions.Tests.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.CookiesSessions.Tests.Crash;

/// <summary>
/// The entry point of this assembly. The test runner never calls it; the kill tests (SESS-07, SESS-08) start this
/// assembly as a real server process (<c>dotnet Clinic.CookiesSessions.Tests.dll crash-host ...</c>) and SIGKILL it,
/// or the store under it. The app is what the README tells an app to write: sessions plus one store.
/// </summary>
public static class CrashHostProgram
{
    private const string RedisOptions = ",abortConnect=false,connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000";

    /// <summary>Runs the crash host: <c>crash-host URL sqlite|file|redis|cached-sqlite|postgres TARGET</c>.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["crash-host", var url, var store, var target])
        {
            await Console.Error.WriteLineAsync("usage: crash-host URL sqlite|file|redis|cached-sqlite|postgres TARGET");
            return 2;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var sessions = builder.Services.AddClinicSessions(o => o.CleanupInterval = TimeSpan.Zero);
        switch (store)
        {
            case "sqlite":
                builder.Services.AddDbContext<SessionTestDbContext>(o => o.UseSqlite($"Data Source={target};Default Timeout=30").AddInterceptors(SqliteWalNormal.Instance));
                sessions.UseEntityFrameworkStore<SessionTestDbContext>();
                break;
            case "postgres":
                builder.Services.AddDbContext<SessionTestDbContext>(o => o.UseNpgsql(target));
                sessions.UseEntityFrameworkStore<SessionTestDbContext>();
                break;
            case "file":
                sessions.UseFileStore(target);
                break;
            case "redis":
                builder.Services.AddStackExchangeRedisCache(o => o.Configuration = target + RedisOptions);
                sessions.UseDistributedCacheStore();
                break;
            case "cached-sqlite":
                // TARGET is "<sqlite file>|<redis host:port>".
                var parts = target.Split('|');
                builder.Services.AddDbContext<SessionTestDbContext>(o => o.UseSqlite($"Data Source={parts[0]};Default Timeout=30").AddInterceptors(SqliteWalNormal.Instance));
                builder.Services.AddStackExchangeRedisCache(o => o.Configuration = parts[1] + RedisOptions);
                sessions.UseCachedEntityFrameworkStore<SessionTestDbContext>();
                break;
            default:
                await Console.Error.WriteLineAsync("unknown store " + store);
                return 2;
        }

        var app = builder.Build();
        if (store is "sqlite" or "postgres" or "cached-sqlite")
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SessionTestDbContext>();
            await db.Database.EnsureCreatedAsync();
            if (store != "postgres")
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }

        app.UseClinicSessions();
        app.MapGet("/healthz", () => "ok");

        // The session is saved before the response starts, so a 2xx means the store acknowledged the write.
        app.MapGet("/write", (HttpContext context, string k, string v) =>
        {
            context.Session.SetString(k, v);
            return "saved";
        });
        app.MapGet("/read", (HttpContext context, string k) => context.Session.GetString(k) ?? "<none>");
        await app.RunAsync();
        return 0;
    }

    /// <summary>SQLite's recommended setting with WAL (per connection): a commit survives an application crash.</summary>
    private sealed class SqliteWalNormal : DbConnectionInterceptor
    {
        public static readonly SqliteWalNormal Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
