using System.Diagnostics.Metrics;
using Clinic.Caching.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching.Tests;

internal static class TestMetrics
{
    private static readonly ServiceProvider Provider = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static CachingMetrics Create() => new(Provider.GetRequiredService<IMeterFactory>());
}
