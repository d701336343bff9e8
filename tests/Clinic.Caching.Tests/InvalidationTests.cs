using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Caching.Tests;

public sealed class InvalidationTests
{
    private static void Pages(WebApplication app, RenderCounter renders)
    {
        app.MapGet("/doctors", () => "doctors " + renders.Next("doctors")).CachePage(TimeSpan.FromMinutes(5), null, "doctors");
        app.MapGet("/doctors/{id}", (int id) => "doctor " + id + " " + renders.Next("doctor" + id));
        app.MapGet("/patients", (HttpContext c) =>
        {
            c.Response.Headers.Vary = "Accept-Language";
            return "patients " + renders.Next("patients");
        });
    }

    private static IResponseCacheInvalidator Invalidator(CachingTestHost host) => host.Services.GetRequiredService<IResponseCacheInvalidator>();

    [Fact]
    public async Task InvalidateUrl_RemovesEveryVariantOfThatUrlOnly()
    {
        await using var host = await CachingTestHost.StartAsync(Pages);
        await host.GetStringAsync("/patients", ("Accept-Language", "en"));
        await host.GetStringAsync("/patients", ("Accept-Language", "fr"));
        await host.GetStringAsync("/patients?page=2");
        await Invalidator(host).InvalidateUrlAsync(new Uri("http://localhost/patients"));
        Assert.Equal("patients 4", await host.GetStringAsync("/patients", ("Accept-Language", "en")));
        Assert.Equal("patients 5", await host.GetStringAsync("/patients", ("Accept-Language", "fr")));
        Assert.Equal("patients 3", await host.GetStringAsync("/patients?page=2"));
    }

    [Fact]
    public async Task InvalidateUrl_RelativeUrl_Throws()
    {
        await using var host = await CachingTestHost.StartAsync(Pages);
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await Invalidator(host).InvalidateUrlAsync(new Uri("/doctors", UriKind.Relative)));
        Assert.Contains("absolute URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidatePrefix_RemovesEveryUrlUnderIt()
    {
        await using var host = await CachingTestHost.StartAsync(Pages);
        await host.GetStringAsync("/doctors");
        await host.GetStringAsync("/doctors/1");
        await host.GetStringAsync("/patients");
        await Invalidator(host).InvalidatePrefixAsync("http://localhost/doctors");
        Assert.Equal("doctors 2", await host.GetStringAsync("/doctors"));
        Assert.Equal("doctor 1 2", await host.GetStringAsync("/doctors/1"));
        Assert.Equal("patients 1", await host.GetStringAsync("/patients"));
    }

    [Fact]
    public async Task InvalidateTag_RemovesTaggedEntriesOnly()
    {
        await using var host = await CachingTestHost.StartAsync(Pages);
        await host.GetStringAsync("/doctors");
        await host.GetStringAsync("/doctors/1");
        await Invalidator(host).InvalidateTagAsync("doctors");
        Assert.Equal("doctors 2", await host.GetStringAsync("/doctors"));
        Assert.Equal("doctor 1 1", await host.GetStringAsync("/doctors/1"));
    }

    [Fact]
    public async Task InvalidateAll_RemovesEverything()
    {
        await using var host = await CachingTestHost.StartAsync(Pages);
        await host.GetStringAsync("/doctors");
        await host.GetStringAsync("/patients");
        await Invalidator(host).InvalidateAllAsync();
        Assert.Equal("doctors 2", await host.GetStringAsync("/doctors"));
        Assert.Equal("patients 2", await host.GetStringAsync("/patients"));
    }
}
