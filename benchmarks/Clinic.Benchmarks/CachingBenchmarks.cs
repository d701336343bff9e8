using BenchmarkDotNet.Attributes;
using Clinic.Caching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Clinic.Benchmarks;

/// <summary>
/// Clinic.Caching's hit path against the floor (a handler writing the same 2 KB page from precomputed bytes) and
/// against hits from ASP.NET Core's output cache and response-caching middleware, each as a middleware pipeline
/// invoked on one reused <see cref="DefaultHttpContext"/> (so the numbers are the middleware's own CPU and
/// allocations, without Kestrel).
/// </summary>
[MemoryDiagnoser]
public class CachingBenchmarks
{
    private static readonly byte[] Page = [.. Enumerable.Repeat((byte)'x', 2048)];
    private readonly List<ServiceProvider> _providers = [];
    private RequestDelegate _floor = null!;
    private RequestDelegate _clinic = null!;
    private RequestDelegate _clinicMiss = null!;
    private RequestDelegate _outputCache = null!;
    private RequestDelegate _responseCaching = null!;
    private DefaultHttpContext _context = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _floor = Build(_ => { }, _ => { }, publicCacheControl: false);
        _clinic = Build(s => s.AddClinicCaching(), app => app.UseClinicCaching(), publicCacheControl: false);
        _clinicMiss = Build(s => s.AddClinicCaching(o => o.StampedeTimeout = TimeSpan.Zero).Services.AddSingleton<IResponseCacheStore, ForgetfulStore>(), app => app.UseClinicCaching(), publicCacheControl: false);
        _outputCache = Build(s => s.AddOutputCache(o => o.AddBasePolicy(p => p.Expire(TimeSpan.FromMinutes(10)))), app => app.UseOutputCache(), publicCacheControl: false);
        _responseCaching = Build(s => s.AddResponseCaching(), app => app.UseResponseCaching(), publicCacheControl: true);
        _context = NewContext();
        foreach (var pipeline in new[] { _clinic, _outputCache, _responseCaching })
        {
            await pipeline(NewContext());
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
    }

    private RequestDelegate Build(Action<IServiceCollection> services, Action<IApplicationBuilder> middleware, bool publicCacheControl)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IHostEnvironment>(new BenchmarkEnvironment());
        services(collection);
        var provider = collection.BuildServiceProvider();
        _providers.Add(provider);
        var app = new ApplicationBuilder(provider);
        middleware(app);
        app.Run(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = Page.Length;
            if (publicCacheControl)
            {
                context.Response.Headers.CacheControl = "public, max-age=600";
            }

            return context.Response.Body.WriteAsync(Page).AsTask();
        });
        return app.Build();
    }

    private static DefaultHttpContext NewContext()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost:5000");
        context.Request.Path = "/doctors";
        context.Response.Body = Stream.Null;
        return context;
    }

    private Task Run(RequestDelegate pipeline)
    {
        _context.Response.Headers.Clear();
        _context.Response.StatusCode = 200;
        return pipeline(_context);
    }

    [Benchmark(Baseline = true)]
    public Task Floor() => Run(_floor);

    [Benchmark]
    public Task ClinicMemoryHit() => Run(_clinic);

    /// <summary>The floor on a new context per request: what <see cref="ClinicMiss"/> is compared with.</summary>
    [Benchmark]
    public Task FloorNewContext() => _floor(NewContext());

    /// <summary>
    /// A full miss: look up, render, capture, serialize, hand to a store that keeps nothing. A miss completes the
    /// response, so it needs a new context per request (as every request has under Kestrel).
    /// </summary>
    [Benchmark]
    public Task ClinicMiss() => _clinicMiss(NewContext());

    [Benchmark]
    public Task OutputCacheHit() => Run(_outputCache);

    [Benchmark]
    public Task ResponseCachingHit() => Run(_responseCaching);

    /// <summary>A store that keeps nothing, so every request is a miss.</summary>
    private sealed class ForgetfulStore : IResponseCacheStore
    {
        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, ResponseCacheEntryOptions options, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveByUrlPrefixAsync(string urlPrefix, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ClearAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class BenchmarkEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "bench";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
