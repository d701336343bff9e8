using Clinic.CookiesSessions.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.CookiesSessions;

/// <summary>The signer choices of <see cref="ClinicCookiesBuilder"/>.</summary>
public static class CookiesBuilderExtensions
{
    /// <summary>
    /// Signs cookies in Django's format (readable value, HMAC with the Django secret key, rotation through fallback
    /// keys), so Django and this app read each other's signed cookies.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the secret key and, optionally, fallbacks, algorithm and salt mode.</param>
    /// <returns>The builder.</returns>
    public static ClinicCookiesBuilder UseDjangoCookieSigner(this ClinicCookiesBuilder builder, Action<DjangoSigningOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddDjangoSigningOptions(builder.Services, configure);
        builder.Services.Replace(ServiceDescriptor.Singleton<ICookieSigner, DjangoCookieSigner>());
        return builder;
    }

    /// <summary>Signs (and encrypts) cookies with ASP.NET Core Data Protection, purpose = cookie name and salt. The default.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ClinicCookiesBuilder UseDataProtectionCookieSigner(this ClinicCookiesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<ICookieSigner, DataProtectionCookieSigner>());
        return builder;
    }

    internal static void AddDjangoSigningOptions(IServiceCollection services, Action<DjangoSigningOptions> configure)
    {
        services.AddOptions<DjangoSigningOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DjangoSigningOptions>, DjangoSigningOptionsValidator>());
    }
}
