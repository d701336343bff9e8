using System.Data.Common;
using Clinic.CookiesSessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clinic.LoadTest.Host;

/// <summary>
/// The "sessions" scenario: one read-increment-write session request (read an integer, add one, store it, echo it)
/// served by Clinic.CookiesSessions and by ASP.NET Core's built-in session (<c>AddSession</c>/<c>UseSession</c>), each
/// with an in-memory store and each with Redis (when the harness passes a server), plus Clinic's EF Core store on
/// SQLite. Each variant gets its own service container and runs only under its own path.
/// </summary>
public static class SessionEndpoints
{
    /// <summary>host:port of the Redis the harness started for this run (the same variable as the caching scenario's).</summary>
    public const string RedisVariable = "CLINIC_LOADTEST_REDIS";

    private const string Counter = "n";

    /// <summary>The branches and endpoints under <c>/sessions</c>.</summary>
    public static WebApplication UseSessionsScenario(this WebApplication app)
    {
        var database = Path.Combine(Path.GetTempPath(), $"clinic-loadtest-sessions-{Environment.ProcessId}.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }

        Branch(app, "/sessions/clinic-memory", s => s.AddClinicSessions(), b => b.UseClinicSessions());
        Branch(app, "/sessions/builtin-memory", s => s.AddDistributedMemoryCache().AddSession(), b => b.UseSession());
        Branch(
            app,
            "/sessions/clinic-sqlite",
            s =>
            {
                s.AddDbContextPool<SessionLoadDbContext>(o => o.UseSqlite($"Data Source={database};Default Timeout=60").AddInterceptors(SqliteWalNormal.Instance));
                s.AddClinicSessions(o => o.CleanupInterval = TimeSpan.Zero).UseEntityFrameworkStore<SessionLoadDbContext>();
            },
            b => b.UseClinicSessions());

        var redis = app.Configuration[RedisVariable];
        if (!string.IsNullOrEmpty(redis))
        {
            Branch(
                app,
                "/sessions/clinic-redis",
                s => s.AddStackExchangeRedisCache(o => (o.Configuration, o.InstanceName) = (redis, "clinic-loadtest-sessions-clinic:")).AddClinicSessions().UseDistributedCacheStore(),
                b => b.UseClinicSessions());
            Branch(
                app,
                "/sessions/builtin-redis",
                s => s.AddStackExchangeRedisCache(o => (o.Configuration, o.InstanceName) = (redis, "clinic-loadtest-sessions-builtin:")).AddSession(),
                b => b.UseSession());
        }

        // Clinic loads the session in its middleware; the built-in session is loaded explicitly (its documented async
        // way), so neither does synchronous I/O.
        foreach (var name in new[] { "clinic-memory", "clinic-sqlite", "clinic-redis" })
        {
            app.MapGet("/sessions/" + name, (HttpContext context) => Increment(context.Session));
        }

        foreach (var name in new[] { "builtin-memory", "builtin-redis" })
        {
            app.MapGet("/sessions/" + name, async (HttpContext context) =>
            {
                await context.Session.LoadAsync(context.RequestAborted);
                return Increment(context.Session);
            });
        }

        return app;
    }

    private static IResult Increment(ISession session)
    {
        var n = (session.GetInt32(Counter) ?? 0) + 1;
        session.SetInt32(Counter, n);
        return Results.Text(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void Branch(WebApplication app, string path, Action<IServiceCollection> configure, Action<IApplicationBuilder> use)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(app.Environment);
        configure(services);
        var provider = services.BuildServiceProvider();
        if (provider.GetService<SessionLoadDbContext>() is not null)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SessionLoadDbContext>();
            db.Database.EnsureCreated();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }

        app.UseWhen(c => c.Request.Path.StartsWithSegments(path), b =>
        {
            b.ApplicationServices = provider;
            use(b);
        });
    }

    /// <summary>
    /// SQLite's recommended setting with WAL: <c>synchronous=NORMAL</c> (a commit survives an application crash, fsync at
    /// checkpoints only; the SESS-08 kill tests check the crash part). It is per connection, so it is set on every open.
    /// </summary>
    private sealed class SqliteWalNormal : DbConnectionInterceptor
    {
        public static readonly SqliteWalNormal Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The host's context for Clinic's EF Core session store.</summary>
    public sealed class SessionLoadDbContext(DbContextOptions<SessionLoadDbContext> options) : DbContext(options), ISessionDbContext
    {
        public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyClinicSessions();
    }
}
