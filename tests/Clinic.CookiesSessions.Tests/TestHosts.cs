using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clinic.CookiesSessions.Tests;

/// <summary>The one host-building helper of this test project: a TestServer with the given services and pipeline.</summary>
internal static class TestHosts
{
    public static async Task<IHost> StartAsync(Action<IServiceCollection> services, Action<IApplicationBuilder> app)
    {
        var host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services)
                .Configure(app))
            .Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>A host whose single endpoint runs <paramref name="handler"/> for every request.</summary>
    public static Task<IHost> StartAsync(Action<IServiceCollection> services, RequestDelegate handler) =>
        StartAsync(services, app => app.Run(handler));
}
