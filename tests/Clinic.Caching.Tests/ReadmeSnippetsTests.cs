using Clinic.Caching.Tests.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching.Tests;

/// <summary>The README's snippets, compiled and run, so the README cannot drift from the API.</summary>
public sealed class ReadmeSnippetsTests
{
    [Fact]
    public async Task Readme_SiteWideAndPerEndpoint_Work()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Services.AddClinicCaching(o =>
        {
            o.DefaultTimeout = TimeSpan.FromMinutes(5);
            o.ExcludedPaths.Add("/admin");
            o.ExcludedPaths.Add("/account");
        });
        await using var app = builder.Build();
        app.UseRouting();
        app.UseClinicCaching();
        app.MapGet("/doctors", () => "the doctor list")
           .CachePage(TimeSpan.FromMinutes(15), keyPrefix: "doctors", tags: "doctors");
        app.MapGet("/specialities", [CachePage(3600)] () => "...");
        await app.StartAsync();
        using var client = app.GetTestClient();
        await client.GetStringAsync(new Uri("/doctors", UriKind.Relative));
        using var hit = await client.GetAsync(new Uri("/doctors", UriKind.Relative));
        Assert.Equal("HIT", hit.Headers.GetValues("X-Clinic-Cache").Single());
        var saved = new DoctorSaved(app.Services.GetRequiredService<IResponseCacheInvalidator>());
        await saved.OnSavedAsync(CancellationToken.None);
        using var miss = await client.GetAsync(new Uri("/doctors", UriKind.Relative));
        Assert.Equal("MISS", miss.Headers.GetValues("X-Clinic-Cache").Single());
    }

    [Fact]
    public void Readme_StoreChoices_Register()
    {
        var services = new ServiceCollection();
        services.AddStackExchangeRedisCache(o => o.Configuration = "127.0.0.1:6379");
        services.AddClinicCaching(o => o.LocalCopyDuration = TimeSpan.FromSeconds(2))
            .UseDistributedCacheStore();
        services.AddClinicCaching().UseEntityFrameworkStore<TestCacheDbContext>();
        services.AddClinicCaching().UseFileStore("/var/cache/clinic", o => o.MaxEntries = 1000);
        Assert.Single(services, d => d.ServiceType == typeof(IResponseCacheStore));
    }

    private sealed class DoctorSaved(IResponseCacheInvalidator cache)
    {
        public async Task OnSavedAsync(CancellationToken ct)
        {
            await cache.InvalidateTagAsync("doctors", ct);
            await cache.InvalidateUrlAsync(new Uri("https://clinic.example/doctors"), ct);
            await cache.InvalidatePrefixAsync("https://clinic.example/doctors/", ct);
        }
    }
}
