using Clinic.CookiesSessions.EntityFrameworkCore;
using Clinic.CookiesSessions.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Clinic.CookiesSessions;

/// <summary>The store choices of <see cref="ClinicSessionsBuilder"/>; the last one chosen wins.</summary>
public static class SessionsBuilderExtensions
{
    /// <summary>Keeps sessions in process memory (the default): development and tests only.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ClinicSessionsBuilder UseInMemoryStore(this ClinicSessionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IClinicSessionStore, InMemorySessionStore>());
        return builder;
    }

    /// <summary>Keeps sessions in the application's database through <typeparamref name="TContext"/> (SQLite, PostgreSQL, ...).</summary>
    /// <typeparam name="TContext">The application's context; it implements <see cref="ISessionDbContext"/> and calls <c>ApplyClinicSessions()</c>.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ClinicSessionsBuilder UseEntityFrameworkStore<TContext>(this ClinicSessionsBuilder builder)
        where TContext : DbContext, ISessionDbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IClinicSessionStore, EntityFrameworkSessionStore<TContext>>());
        return builder;
    }

    /// <summary>
    /// Django's <c>cached_db</c>: sessions in the application's database through <typeparamref name="TContext"/>, with
    /// the registered <see cref="IDistributedCache"/> (Redis in production) in front, written through. Reads that hit
    /// the cache run no SQL; writes go to the database first; a cache outage is logged and reads fall back to the
    /// database, while a database failure always surfaces.
    /// </summary>
    /// <typeparam name="TContext">The application's context; it implements <see cref="ISessionDbContext"/> and calls <c>ApplyClinicSessions()</c>.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ClinicSessionsBuilder UseCachedEntityFrameworkStore<TContext>(this ClinicSessionsBuilder builder)
        where TContext : DbContext, ISessionDbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IClinicSessionStore>(sp => new CachedDatabaseSessionStore(
            ActivatorUtilities.CreateInstance<EntityFrameworkSessionStore<TContext>>(sp),
            sp.GetService<IDistributedCache>() ?? throw new InvalidOperationException(
                "UseCachedEntityFrameworkStore needs an IDistributedCache: register one, e.g. services.AddStackExchangeRedisCache(...) (or AddDistributedMemoryCache() for one instance)."),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CachedDatabaseSessionStore>>(),
            sp.GetRequiredService<CookiesSessionsMetrics>())));
        return builder;
    }

    /// <summary>Keeps one file per session in <paramref name="directory"/> (created if missing), written atomically.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="directory">A folder only the application uses, outside the web root.</param>
    /// <returns>The builder.</returns>
    public static ClinicSessionsBuilder UseFileStore(this ClinicSessionsBuilder builder, string directory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        builder.Services.Replace(ServiceDescriptor.Singleton<IClinicSessionStore>(sp =>
            new FileSessionStore(directory, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FileSessionStore>>())));
        return builder;
    }

    /// <summary>Keeps sessions in the registered <see cref="IDistributedCache"/> (Redis in production) under a private key prefix.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ClinicSessionsBuilder UseDistributedCacheStore(this ClinicSessionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IClinicSessionStore, DistributedCacheSessionStore>());
        return builder;
    }

    /// <summary>
    /// Keeps the whole session in the session cookie, signed (and, with the default Data Protection signer, encrypted)
    /// by the registered <see cref="ICookieSigner"/>. No server state; a session past 4096 bytes throws
    /// <see cref="CookieTooLargeException"/>; a stolen cookie can be replayed until it expires (the default expiry).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ClinicSessionsBuilder UseSignedCookieStore(this ClinicSessionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IClinicSessionStore, SignedCookieSessionStore>());
        return builder;
    }

    /// <summary>
    /// Keeps the whole session in the session cookie in the format of Django's <c>signed_cookies</c> backend
    /// (<c>signing.dumps(session, salt='django.contrib.sessions.backends.signed_cookies', compress=True)</c>, JSON),
    /// signed with the Django secret key of <c>UseDjangoCookieSigner</c>: Django apps with the same secret key read
    /// these sessions and Clinic reads theirs, so both can serve one user during a migration. The cookie is signed, not
    /// encrypted (the client can read it), limited to 4096 bytes and replayable until it expires, as in Django.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ClinicSessionsBuilder UseDjangoSignedCookieStore(this ClinicSessionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IClinicSessionStore>(sp => new SignedCookieSessionStore(
            sp.GetRequiredService<ICookieSigner>(),
            sp.GetRequiredService<ILogger<SignedCookieSessionStore>>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DjangoSigningOptions>>().Value,
            sp.GetRequiredService<TimeProvider>())));
        return builder;
    }
}
