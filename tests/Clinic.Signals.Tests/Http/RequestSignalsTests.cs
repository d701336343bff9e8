using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Clinic.Signals.Tests.Http;

/// <summary>The request-signals middleware through TestServer.</summary>
public sealed class RequestSignalsTests
{
    public sealed class RequestLog
    {
        public List<string> Events { get; } = [];

        public List<HttpContext> Contexts { get; } = [];

        public List<Guid> Scopes { get; } = [];
    }

    public sealed class RequestScoped
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    public sealed class Started(RequestLog log, RequestScoped scoped) : ISignalReceiver<RequestStartedArgs>
    {
        public ValueTask ReceiveAsync(object? sender, RequestStartedArgs args, CancellationToken cancellationToken)
        {
            Assert.Same(sender, args.HttpContext);
            log.Events.Add("started " + args.HttpContext.Request.Path);
            log.Contexts.Add(args.HttpContext);
            log.Scopes.Add(scoped.Id);
            return ValueTask.CompletedTask;
        }
    }

    public sealed class Finished(RequestLog log, RequestScoped scoped) : ISignalReceiver<RequestFinishedArgs>
    {
        public ValueTask ReceiveAsync(object? sender, RequestFinishedArgs args, CancellationToken cancellationToken)
        {
            log.Events.Add($"finished {args.HttpContext.Request.Path} {args.HttpContext.Response.StatusCode} {args.Exception?.Message}".TrimEnd());
            log.Contexts.Add(args.HttpContext);
            log.Scopes.Add(scoped.Id);
            return ValueTask.CompletedTask;
        }
    }

    public sealed class GotException(RequestLog log) : ISignalReceiver<GotRequestExceptionArgs>
    {
        public ValueTask ReceiveAsync(object? sender, GotRequestExceptionArgs args, CancellationToken cancellationToken)
        {
            log.Events.Add("exception " + args.Exception.Message);
            log.Contexts.Add(args.HttpContext);
            return ValueTask.CompletedTask;
        }
    }

    public sealed class FailingFinished : ISignalReceiver<RequestFinishedArgs>
    {
        public ValueTask ReceiveAsync(object? sender, RequestFinishedArgs args, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("finished receiver failed");
    }

    [Fact]
    public async Task Request_Succeeds_StartedThenFinishedWithTheSameHttpContextAndRequestScope()
    {
        using var host = await StartAsync();
        var log = host.Services.GetRequiredService<RequestLog>();

        var response = await host.GetTestClient().GetAsync(new Uri("/ok", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["started /ok", "handler /ok", "finished /ok 200"], log.Events);
        Assert.Same(log.Contexts[0], log.Contexts[1]);
        Assert.Equal(log.Scopes[0], log.Scopes[1]);
    }

    [Fact]
    public async Task TwoRequests_ReceiversResolvedFromEachRequestScope()
    {
        using var host = await StartAsync();
        var log = host.Services.GetRequiredService<RequestLog>();
        var client = host.GetTestClient();

        await client.GetAsync(new Uri("/ok", UriKind.Relative));
        await client.GetAsync(new Uri("/ok", UriKind.Relative));

        Assert.NotEqual(log.Scopes[0], log.Scopes[2]);
    }

    [Fact]
    public async Task Request_HandlerThrows_GotRequestExceptionThenFinishedAndTheExceptionStillReachesTheHandlerOutside()
    {
        using var host = await StartAsync();
        var log = host.Services.GetRequiredService<RequestLog>();

        var response = await host.GetTestClient().GetAsync(new Uri("/boom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("handled outside: kaboom", await response.Content.ReadAsStringAsync());
        Assert.Equal(["started /boom", "exception kaboom", "finished /boom 200 kaboom"], log.Events);
        Assert.Same(log.Contexts[0], log.Contexts[1]);
    }

    [Fact]
    public async Task Request_FinishedReceiverThrows_ResponseUnaffectedAndFailureLogged()
    {
        using var host = await StartAsync(s => s.AddSignalReceiver<RequestFinishedArgs, FailingFinished>());

        var response = await host.GetTestClient().GetAsync(new Uri("/ok", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logs = host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(logs, r => r.Id.Id == 2000 && r.Message.Contains("RequestFinished", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Request_DelegateConnectedToTheStaticSignal_RunsWithTheHttpContext()
    {
        using var host = await StartAsync();
        var paths = new List<string>();
        var marker = Guid.NewGuid().ToString("N");
        using var handle = RequestSignals.RequestStarted.Connect((_, a) =>
        {
            if (a.HttpContext.Request.Path.Value!.Contains(marker, StringComparison.Ordinal))
            {
                lock (paths)
                {
                    paths.Add(a.HttpContext.Request.Path.Value);
                }
            }
        });

        await host.GetTestClient().GetAsync(new Uri("/ok/" + marker, UriKind.Relative));

        Assert.Equal(["/ok/" + marker], paths);
    }

    [Fact]
    public void UseClinicRequestSignals_WithoutAddClinicSignals_ThrowsAndSaysWhatToCall()
    {
        var builder = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());

        var ex = Assert.Throws<InvalidOperationException>(() => builder.UseClinicRequestSignals());

        Assert.Contains("AddClinicSignals", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<IHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services =>
                {
                    services.AddSingleton<RequestLog>();
                    services.AddScoped<RequestScoped>();
                    services.AddLogging(b => b.AddFakeLogging());
                    services.AddSignalReceiver<RequestStartedArgs, Started>();
                    services.AddSignalReceiver<RequestFinishedArgs, Finished>();
                    services.AddSignalReceiver<GotRequestExceptionArgs, GotException>();
                    configure?.Invoke(services);
                })
                .Configure(app =>
                {
                    app.Use(async (context, next) =>
                    {
                        try
                        {
                            await next(context);
                        }
                        catch (InvalidOperationException ex)
                        {
                            context.Response.StatusCode = 500;
                            await context.Response.WriteAsync("handled outside: " + ex.Message);
                        }
                    });
                    app.UseClinicRequestSignals();
                    app.Run(context =>
                    {
                        if (context.Request.Path.StartsWithSegments("/boom"))
                        {
                            throw new InvalidOperationException("kaboom");
                        }

                        context.RequestServices.GetRequiredService<RequestLog>().Events.Add("handler " + context.Request.Path);
                        return Task.CompletedTask;
                    });
                }))
            .Build();
        await host.StartAsync();
        return host;
    }
}
