using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.PageCount.Tests;

/// <summary>The one host-building helper: a TestServer app with routing, then page counting, then the endpoints.</summary>
public static class PageCountHost
{
    public static async Task<WebApplication> StartAsync(
        Action<IServiceCollection> services,
        Action<WebApplication> endpoints,
        Action<WebApplication>? beforeCounting = null,
        Action<WebApplication>? afterCounting = null,
        bool useCounting = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        services(builder.Services);
        var app = builder.Build();
        beforeCounting?.Invoke(app);
        app.UseRouting();
        if (useCounting)
        {
            app.UseClinicPageCount();
        }

        afterCounting?.Invoke(app);
        endpoints(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>Sends <paramref name="perClient"/> GETs from each of <paramref name="clients"/> concurrent clients; returns the 2xx count.</summary>
    public static async Task<long> HammerAsync(HttpClient client, int clients, int perClient, Func<int, int, string> path)
    {
        long ok = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < perClient; i++)
            {
                using var response = await client.GetAsync(new Uri(path(c, i), UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref ok);
                }
            }
        })));
        return ok;
    }
}
