using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Users;

/// <summary>Returned by <c>AddClinicUsers</c>, for further Identity configuration.</summary>
public sealed class ClinicUsersBuilder
{
    internal ClinicUsersBuilder(IServiceCollection services, IdentityBuilder identity)
    {
        Services = services;
        Identity = identity;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Identity's builder, to add token providers, claims factories and the like.</summary>
    public IdentityBuilder Identity { get; }
}
