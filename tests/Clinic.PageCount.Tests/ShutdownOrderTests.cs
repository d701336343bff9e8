using Clinic.PageCount.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clinic.PageCount.Tests;

public sealed class ShutdownOrderTests
{
    [Fact]
    public void HostedServices_WebApplication_FlushServiceStopsAfterWebServer()
    {
        // The host stops hosted services in reverse order: the flush service must come before the web server's, so the
        // server drains its requests before the final flush.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddClinicPageCount();
        using var app = builder.Build();

        var names = app.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();

        var flush = names.IndexOf(nameof(PageCountFlushService));
        var web = names.IndexOf("GenericWebHostService");
        Assert.True(flush >= 0 && web >= 0, string.Join(", ", names));
        Assert.True(flush < web, string.Join(", ", names));
    }

    [Fact]
    public async Task FlushAsync_AfterContainerDisposed_StillRuns()
    {
        // WebApplicationFactory can dispose the host while StopAsync is still running; the final flush must then not
        // die on a disposed gate (it used to throw ObjectDisposedException).
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddClinicPageCount();
        var app = builder.Build();
        var flusher = app.Services.GetRequiredService<PageCountFlusher>();
        await app.DisposeAsync();

        Assert.True(await flusher.FlushAsync(CancellationToken.None));
    }
}
