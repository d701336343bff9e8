using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.PageCount.Tests;

/// <summary>The README's snippets, compiled and run, so the documentation cannot drift from the API.</summary>
public sealed class ReadmeExamplesTests
{
    [Fact]
    public async Task ReadmeSnippets_CompileAndCount()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["PageCount:VisitorKey"] = "a-long-random-secret-key";
        var file = Path.Combine(Path.GetTempPath(), $"clinic_pagecount_readme_{Guid.NewGuid():N}.db");
        builder.Services.AddDbContext<AppDbContext>(o => o.UseSqlite($"Data Source={file}"));
        builder.Services.AddOutputCache();
        builder.Services.AddClinicPageCount()
            .UseEntityFrameworkStore<AppDbContext>();
        builder.Services.AddClinicPageCount(o => o.KeyBy = PageCountKey.Path);
        builder.Services.AddClinicPageCount(o =>
        {
            o.UniqueVisitors = UniqueVisitorMode.IpAddressHash;
            o.VisitorHashKey = builder.Configuration["PageCount:VisitorKey"];
            o.BotUserAgents.Add("my-uptime-checker");
        });
        await using var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.EnsureCreatedAsync();
        }

        app.UseRouting();
        app.UseClinicPageCount();
        app.UseOutputCache();
        app.MapGet("/doctors", () => "...").WithPageCount();
        app.MapGet("/patients/{id:int}", (int id) => id).WithPageCount(PageCountKey.RoutePattern);
        app.MapGet("/admin/top", async (IPageCounts counts) =>
        {
            PageCountSnapshot doctors = await counts.GetAsync("/doctors");
            IReadOnlyList<PageCountSnapshot> top = await counts.GetTopAsync(10);
            return Results.Ok(new { doctors, top });
        });
        await app.StartAsync();
        var client = app.GetTestClient();
        (await client.GetAsync(new Uri("/doctors", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/patients/3", UriKind.Relative))).Dispose();
        var json = await client.GetStringAsync(new Uri("/admin/top", UriKind.Relative));
        await app.StopAsync();

        Assert.Contains("\"page\":\"/doctors\",\"views\":1", json, StringComparison.Ordinal);
        Assert.Contains("/patients/{id:int}", json, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IPageCountDbContext
    {
        public DbSet<PageCounter> PageCounts => Set<PageCounter>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyClinicPageCount();
    }

    [PageCount]
    public sealed class DoctorsController : Controller
    {
        public IActionResult Index() => Content("doctors");
    }
}
