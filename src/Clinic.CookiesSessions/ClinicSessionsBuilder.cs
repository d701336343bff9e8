using Microsoft.Extensions.DependencyInjection;

namespace Clinic.CookiesSessions;

/// <summary>Returned by <c>AddClinicSessions</c>; the store choices are extension methods on it.</summary>
public sealed class ClinicSessionsBuilder
{
    internal ClinicSessionsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }
}
