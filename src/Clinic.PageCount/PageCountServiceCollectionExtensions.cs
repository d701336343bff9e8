using Clinic.PageCount.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.PageCount;

/// <summary>Registers the page-view counters.</summary>
public static class PageCountServiceCollectionExtensions
{
    /// <summary>
    /// Adds page-view counters with the in-memory store (choose another with the returned builder), the write-behind
    /// service and <see cref="IPageCounts"/>. Calling it again only adds the configuration.
    /// </summary>
    public static PageCountBuilder AddClinicPageCount(this IServiceCollection services, Action<PageCountOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PageCountOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PageCountOptions>, PageCountOptionsValidator>());
        services.TryAddSingleton<PageCountMetrics>();
        services.TryAddSingleton<PageCountRegistry>();
        services.TryAddSingleton<BotDetector>();
        services.TryAddSingleton<VisitorIdentifier>();
        services.TryAddSingleton<PageCountFlusher>();
        services.TryAddSingleton<IPageCountStore, InMemoryPageCountStore>();
        services.TryAddSingleton<IPageCounts, PageCountsService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PageCountFlushService>());
        return new PageCountBuilder(services);
    }
}
