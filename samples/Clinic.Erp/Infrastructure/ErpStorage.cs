using Clinic.Caching;
using Clinic.CookiesSessions;
using Clinic.Erp.Data;
using Clinic.Signals;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Infrastructure;

/// <summary>
/// Where the sample keeps its data, chosen by configuration alone:
/// <list type="bullet">
/// <item><c>Erp:Database</c> = <c>Sqlite</c> (default) or <c>PostgreSQL</c>; <c>ConnectionStrings:Erp</c> is that
/// provider's connection string (SQLite's default: <c>App_Data/clinic-erp.db</c>).</item>
/// <item><c>ConnectionStrings:Redis</c>, when set: sessions, the response cache and Clinic.Users' session-state cache
/// go to Redis (<c>IDistributedCache</c>); otherwise sessions stay in the database and the cache in memory.</item>
/// </list>
/// </summary>
internal static class ErpStorage
{
    /// <summary>The value of <c>Erp:Database</c> that selects PostgreSQL.</summary>
    public const string PostgreSql = "PostgreSQL";

    /// <summary>The value of <c>Erp:Database</c> that selects SQLite (the default).</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>Whether <c>Erp:Database</c> selects PostgreSQL; any value other than the two known ones stops start-up.</summary>
    public static bool UsesPostgreSql(IConfiguration configuration)
    {
        var database = configuration["Erp:Database"];
        if (string.IsNullOrWhiteSpace(database) || string.Equals(database, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.Equals(database, PostgreSql, StringComparison.OrdinalIgnoreCase)
            ? true
            : throw new InvalidOperationException($"Erp:Database is '{database}'; use '{Sqlite}' (the default) or '{PostgreSql}'.");
    }

    /// <summary>Registers <see cref="ErpDbContext"/> on the configured provider, with Clinic.Signals' interceptors.</summary>
    public static void AddErpDatabase(this WebApplicationBuilder builder)
    {
        if (UsesPostgreSql(builder.Configuration))
        {
            var connectionString = builder.Configuration.GetConnectionString("Erp");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Erp:Database is PostgreSQL but ConnectionStrings:Erp is empty; set it to an Npgsql connection string.");
            }

            builder.Services.AddDbContext<ErpDbContext>((services, options) => options
                .UseNpgsql(connectionString)
                .UseClinicSignals(services));
            return;
        }

        builder.Services.AddDbContext<ErpDbContext>((services, options) => options
            .UseSqlite(DatabaseSetup.SqliteConnectionString(builder))
            .UseClinicSignals(services));
    }

    /// <summary>
    /// Sessions (Clinic.CookiesSessions) and the page cache (Clinic.Caching): in Redis when
    /// <c>ConnectionStrings:Redis</c> is set, else sessions in the database and pages in memory.
    /// </summary>
    public static void AddErpSessionsAndCache(this WebApplicationBuilder builder, Action<CachingOptions> configureCache)
    {
        var redis = builder.Configuration.GetConnectionString("Redis");
        var sessions = builder.Services.AddClinicSessions();
        var cache = builder.Services.AddClinicCaching(configureCache);
        if (string.IsNullOrWhiteSpace(redis))
        {
            sessions.UseEntityFrameworkStore<ErpDbContext>();
            return;
        }

        builder.Services.AddStackExchangeRedisCache(options =>
        {
            options.Configuration = redis;
            // Every key of this app starts with it (sessions, cached pages, sign-in state): one Redis, several apps.
            options.InstanceName = builder.Configuration["Erp:RedisInstanceName"] ?? "clinic-erp:";
        });
        sessions.UseDistributedCacheStore();
        cache.UseDistributedCacheStore();
    }
}
