using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.PageCount.Tests;

/// <summary>
/// Entry point of this assembly when started with <c>dotnet Clinic.PageCount.Tests.dll pagecount-host FILE PORT</c>:
/// a small Kestrel app counting <c>/page</c> into a SQLite file, which the SIGKILL test kills mid-load.
/// </summary>
public static class KillHost
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 3 || args[0] != "pagecount-host")
        {
            await Console.Error.WriteLineAsync("usage: dotnet Clinic.PageCount.Tests.dll pagecount-host SQLITE_FILE PORT");
            return 2;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{args[2]}");
        builder.Services.AddDbContext<PageCountTestDbContext>(o => o.UseSqlite($"Data Source={args[1]};Default Timeout=60"));
        builder.Services.AddClinicPageCount(o => o.FlushInterval = TimeSpan.FromSeconds(1))
            .UseEntityFrameworkStore<PageCountTestDbContext>();
        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PageCountTestDbContext>();
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        app.UseRouting();
        app.UseClinicPageCount();
        app.MapGet("/page", () => "counted").WithPageCount();
        app.MapGet("/healthz", () => "ok");
        await app.RunAsync();
        return 0;
    }
}
