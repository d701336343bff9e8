using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Profiles;

/// <summary>Returned by <c>AddClinicProfiles</c>; the store choices are extension methods on it.</summary>
public sealed class ClinicProfilesBuilder
{
    internal ClinicProfilesBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }
}
