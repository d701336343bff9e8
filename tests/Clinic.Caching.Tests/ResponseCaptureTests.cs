using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clinic.Caching.Tests;

/// <summary>How a miss's body and headers are captured: every way of writing, and only what the rules judged.</summary>
public sealed class ResponseCaptureTests
{
    private static void Pages(WebApplication app, RenderCounter renders)
    {
        app.MapGet("/mixed", async (HttpContext c) =>
        {
            renders.Next("mixed");
            var writer = c.Response.BodyWriter;
            "hello"u8.CopyTo(writer.GetSpan(5));
            writer.Advance(5);
            await writer.WriteAsync(" pipe"u8.ToArray());
            await c.Response.Body.WriteAsync(" stream"u8.ToArray());
            await writer.FlushAsync();
            var memory = writer.GetMemory(4);
            "!end"u8.CopyTo(memory.Span);
            writer.Advance(4);
        });
        app.MapGet("/page", () => "page " + renders.Next("page"));
    }

    [Fact]
    public async Task Miss_PageWritesThroughBodyWriterAndStream_HitHasTheWholeBody()
    {
        await using var host = await CachingTestHost.StartAsync(Pages);
        using var first = await host.GetAsync("/mixed");
        using var second = await host.GetAsync("/mixed");

        Assert.Equal("hello pipe stream!end", await first.Content.ReadAsStringAsync());
        Assert.Equal("hello pipe stream!end", await second.Content.ReadAsStringAsync());
        Assert.Equal("HIT", second.Headers.GetValues("X-Clinic-Cache").Single());
        Assert.Equal(21, second.Content.Headers.ContentLength);
        Assert.Equal(1, host.Renders["mixed"]);
    }

    [Fact]
    [Trait("Case", "CACHE-01")]
    public async Task Miss_OuterMiddlewareAddsCookieAfterTheDecision_CookieIsNeverStored()
    {
        var issued = 0;
        await using var host = await CachingTestHost.StartAsync(Pages, beforeCache: app => app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Append("Set-Cookie", "outer=" + Interlocked.Increment(ref issued));
                return Task.CompletedTask;
            });
            return next(context);
        }));

        using var first = await host.GetAsync("/page");
        using var second = await host.GetAsync("/page");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("HIT", second.Headers.GetValues("X-Clinic-Cache").Single());
        Assert.Equal("page 1", await second.Content.ReadAsStringAsync());
        Assert.Equal(["outer=1"], first.Headers.GetValues("Set-Cookie"));
        Assert.Equal(["outer=2"], second.Headers.GetValues("Set-Cookie"));
    }
}
