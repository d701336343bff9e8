using Clinic.PageCount;
using Microsoft.EntityFrameworkCore;

namespace Clinic.LoadTest.Host;

/// <summary>
/// The "pagecount" scenario: one small page served three ways: not counted (the floor), counted by Clinic.PageCount
/// (in memory, written behind to SQLite every second), and counted the naive way with one
/// <c>UPDATE ... SET n = n + 1</c> per request on the same SQLite file.
/// </summary>
public static class PageCountEndpoints
{
    private static readonly byte[] Page = System.Text.Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html><head><title>Dr. Ada Lovelace</title></head><body><h1>Dr. Ada Lovelace</h1>" +
        "<p>Cardiology, room 12. Consultations Monday to Thursday, 9:00 to 17:00.</p>" +
        string.Concat(Enumerable.Range(1, 10).Select(i => $"<p>Patient note {i}: follow-up in two weeks.</p>")) +
        "</body></html>");

    /// <summary>Services of the scenario: a SQLite file in the temp folder, the counters, the write-behind service.</summary>
    public static WebApplicationBuilder AddPageCountScenario(this WebApplicationBuilder builder)
    {
        var file = Path.Combine(Path.GetTempPath(), $"clinic-loadtest-pagecount-{Environment.ProcessId}.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }

        builder.Services.AddDbContextPool<PageCountLoadDbContext>(o => o.UseSqlite($"Data Source={file};Default Timeout=60"));
        builder.Services.AddClinicPageCount().UseEntityFrameworkStore<PageCountLoadDbContext>();
        return builder;
    }

    /// <summary>Creates the tables, adds the counting middleware and the three endpoints.</summary>
    public static WebApplication UsePageCountScenario(this WebApplication app)
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PageCountLoadDbContext>();
            db.Database.EnsureCreated();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            db.Database.ExecuteSqlRaw("INSERT INTO naive_counts (id, n) VALUES (1, 0) ON CONFLICT DO NOTHING");
        }

        app.UseClinicPageCount();
        app.MapGet("/pagecount/plain", () => Results.Bytes(Page, "text/html; charset=utf-8"));
        app.MapGet("/pagecount/counted", () => Results.Bytes(Page, "text/html; charset=utf-8")).WithPageCount();
        app.MapGet("/pagecount/naive", async (PageCountLoadDbContext db) =>
        {
            await db.NaiveCounts.Where(c => c.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(c => c.N, c => c.N + 1));
            return Results.Bytes(Page, "text/html; charset=utf-8");
        });
        return app;
    }

    /// <summary>The host's context: page counts plus the naive counter.</summary>
    public sealed class PageCountLoadDbContext(DbContextOptions<PageCountLoadDbContext> options) : DbContext(options), IPageCountDbContext
    {
        public DbSet<PageCounter> PageCounts => Set<PageCounter>();

        public DbSet<NaiveCount> NaiveCounts => Set<NaiveCount>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyClinicPageCount();
            modelBuilder.Entity<NaiveCount>(e =>
            {
                e.ToTable("naive_counts");
                e.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
                e.Property(c => c.N).HasColumnName("n");
            });
        }
    }

    /// <summary>One row counted with <c>UPDATE naive_counts SET n = n + 1</c>.</summary>
    public sealed class NaiveCount
    {
        public int Id { get; set; }

        public long N { get; set; }
    }
}
