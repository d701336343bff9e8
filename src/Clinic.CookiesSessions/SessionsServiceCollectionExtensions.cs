using Clinic.CookiesSessions.Internal;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.CookiesSessions;

/// <summary>Registers Clinic's server-side sessions.</summary>
public static class SessionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers sessions with the in-memory store (unless a store was chosen) and the cookie helpers. Calling it
    /// again adds nothing but the extra configuration. Add <c>app.UseClinicSessions()</c> to the pipeline.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Changes to the session options.</param>
    /// <returns>A builder to choose the store.</returns>
    public static ClinicSessionsBuilder AddClinicSessions(this IServiceCollection services, Action<ClinicSessionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(SessionsMarker)))
        {
            return new ClinicSessionsBuilder(services);
        }

        services.AddSingleton<SessionsMarker>();
        services.AddClinicCookies();
        services.AddOptions<ClinicSessionOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClinicSessionOptions>, ClinicSessionOptionsValidator>());
        services.TryAddSingleton<IClinicSessionStore, InMemorySessionStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CookieAuthenticationOptions>, SessionAuthenticationEventsSetup>());
        services.AddHostedService<ExpiredSessionCleanupService>();
        return new ClinicSessionsBuilder(services);
    }
}
