using System.Diagnostics.Metrics;
using Clinic.CookiesSessions.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.CookiesSessions;

/// <summary>Registers the cookie helpers' defaults and the signed-cookie signer.</summary>
public static class CookiesServiceCollectionExtensions
{
    /// <summary>
    /// Registers cookie defaults and the Data Protection cookie signer (unless another signer was chosen). Calling it
    /// again adds nothing but the extra configuration.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Changes to the cookie defaults.</param>
    /// <returns>A builder to choose the signer.</returns>
    public static ClinicCookiesBuilder AddClinicCookies(this IServiceCollection services, Action<ClinicCookieOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(CookiesMarker)))
        {
            if (configure is not null)
            {
                services.Configure(configure);
            }

            return new ClinicCookiesBuilder(services);
        }

        services.AddSingleton<CookiesMarker>();
        services.AddOptions<ClinicCookieOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClinicCookieOptions>, ClinicCookieOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CookiesSessionsMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<ICookieSigner, DataProtectionCookieSigner>();
        return new ClinicCookiesBuilder(services);
    }
}
