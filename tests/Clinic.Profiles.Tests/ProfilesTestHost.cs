using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Profiles.Tests;

/// <summary>The one host-building helper: a slim web application on TestServer with Clinic.Profiles added.</summary>
internal static class ProfilesTestHost
{
    public static async Task<WebApplication> StartAsync(
        Action<ClinicProfilesOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? map = null,
        string? contentRoot = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = contentRoot,
        });
        builder.WebHost.UseTestServer();
        builder.Services.AddRouting();
        builder.Services.AddClinicProfiles(configure);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseRouting();
        app.MapClinicMedia();
        map?.Invoke(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>The services of a provider that is not a web application, for pipeline and storage tests.</summary>
    public static ServiceProvider Services(string mediaRoot, Action<ClinicProfilesOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddClinicProfiles(o =>
        {
            o.MediaRoot = mediaRoot;
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider(validateScopes: true);
    }
}
