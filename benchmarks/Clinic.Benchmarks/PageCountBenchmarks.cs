using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Clinic.PageCount;
using Clinic.PageCount.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clinic.Benchmarks;

/// <summary>
/// Clinic.PageCount: the hot-path increment against a ConcurrentDictionary counter (what one would write by hand), and
/// flushing 10,000 distinct pages to SQLite (batched upserts in one transaction) against one UPDATE-or-INSERT per page.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PageCountBenchmarks
{
    private const int Increments = 1000;
    private const int Pages = 10_000;
    private readonly ConcurrentDictionary<string, long> _dictionary = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _pageKeys = [.. Enumerable.Range(0, Pages).Select(i => $"/doctors/{i}")];
    private ServiceProvider _services = null!;
    private PageCountRegistry _registry = null!;
    private IPageCounts _counts = null!;
    private string _file = "";
    private PageCountMiddleware _middleware = null!;
    private RequestDelegate _endpoint = null!;
    private DefaultHttpContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"clinic-bench-pagecount-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        services.AddDbContext<BenchmarkDbContext>(o => o.UseSqlite($"Data Source={_file}"));
        services.AddClinicPageCount(o => o.MaxPages = 20_000).UseEntityFrameworkStore<BenchmarkDbContext>();
        _services = services.BuildServiceProvider();
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
            db.Database.EnsureCreated();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }

        _registry = _services.GetRequiredService<PageCountRegistry>();
        _counts = _services.GetRequiredService<IPageCounts>();
        _registry.Increment("/doctors/1", bot: false);
        _dictionary["/doctors/1"] = 0;

        // A counted request through the middleware, the rest of the pipeline completing synchronously.
        _endpoint = static _ => Task.CompletedTask;
        _middleware = new PageCountMiddleware(
            _endpoint,
            _registry,
            _services.GetRequiredService<BotDetector>(),
            _services.GetRequiredService<VisitorIdentifier>(),
            TimeProvider.System,
            _services.GetRequiredService<IOptions<PageCountOptions>>(),
            NullLogger<PageCountMiddleware>.Instance);
        _context = new DefaultHttpContext();
        _context.Request.Method = "GET";
        _context.Request.Path = "/doctors/1";
        _context.Request.Headers.UserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
        _context.SetEndpoint(new Endpoint(_endpoint, new EndpointMetadataCollection(new PageCountAttribute()), "doctor"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Increments)]
    [BenchmarkCategory("Increment")]
    public long ConcurrentDictionaryAddOrUpdate()
    {
        long last = 0;
        for (var i = 0; i < Increments; i++)
        {
            last = _dictionary.AddOrUpdate("/doctors/1", 1, static (_, n) => n + 1);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Increments)]
    [BenchmarkCategory("Increment")]
    public string? PageCountIncrement()
    {
        string? key = null;
        for (var i = 0; i < Increments; i++)
        {
            key = _registry.Increment("/doctors/1", bot: false);
        }

        return key;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Request")]
    public Task RequestWithoutCounting() => _endpoint(_context);

    [Benchmark]
    [BenchmarkCategory("Request")]
    public Task RequestThroughCountingMiddleware() => _middleware.InvokeAsync(_context);

    [IterationSetup(Targets = [nameof(FlushTenThousandPages), nameof(UpdatePerPageTenThousandPages)])]
    public void CountTenThousandPages()
    {
        _registry.Drain();
        _registry.Complete();
        foreach (var page in _pageKeys)
        {
            _registry.Increment(page, bot: false);
        }
    }

    [Benchmark]
    [BenchmarkCategory("Flush10k")]
    public Task<bool> FlushTenThousandPages() => _counts.FlushAsync();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Flush10k")]
    public async Task UpdatePerPageTenThousandPages()
    {
        // What one would write without batching: per page, UPDATE and INSERT when missing, in one transaction.
        var deltas = _registry.Drain();
        _registry.Complete();
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var delta in deltas)
        {
            var updated = await db.PageCounts.Where(p => p.Page == delta.Page)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Views, p => p.Views + delta.Views));
            if (updated == 0)
            {
                db.PageCounts.Add(new PageCounter { Page = delta.Page, Views = delta.Views });
                await db.SaveChangesAsync();
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>The benchmark's application context.</summary>
    public sealed class BenchmarkDbContext(DbContextOptions<BenchmarkDbContext> options) : DbContext(options), IPageCountDbContext
    {
        public DbSet<PageCounter> PageCounts => Set<PageCounter>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyClinicPageCount();
    }
}
