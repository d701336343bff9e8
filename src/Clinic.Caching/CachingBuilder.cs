using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching;

/// <summary>Returned by <c>AddClinicCaching</c>; the store choices are extension methods on it.</summary>
public sealed class CachingBuilder
{
    internal CachingBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }
}
