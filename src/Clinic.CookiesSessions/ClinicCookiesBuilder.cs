using Microsoft.Extensions.DependencyInjection;

namespace Clinic.CookiesSessions;

/// <summary>Returned by <c>AddClinicCookies</c>; the signer choices are extension methods on it.</summary>
public sealed class ClinicCookiesBuilder
{
    internal ClinicCookiesBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }
}
