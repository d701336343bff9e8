using Clinic.Caching.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.Caching;

/// <summary>Registers the Clinic response cache.</summary>
public static class CachingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the response cache with the memory store. Calling it again only applies <paramref name="configure"/>.
    /// Choose another store on the returned builder.
    /// </summary>
    public static CachingBuilder AddClinicCaching(this IServiceCollection services, Action<CachingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CachingOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CachingOptions>, CachingOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CachingMetrics>();
        services.TryAddSingleton<StampedeGate>();
        services.TryAddSingleton<PendingStoreWrites>();
        services.TryAddSingleton<StoreReadCoalescer>();
        services.TryAddSingleton<CacheKeys>();
        services.TryAddSingleton<LocalCopy>();
        services.TryAddSingleton<IResponseCacheStore, MemoryResponseCacheStore>();
        services.TryAddSingleton<IResponseCacheInvalidator, ResponseCacheInvalidator>();
        return new CachingBuilder(services);
    }
}
