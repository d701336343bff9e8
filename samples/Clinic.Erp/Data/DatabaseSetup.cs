using Clinic.Erp.Domain;
using Clinic.Erp.Infrastructure;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Data;

/// <summary>Creates and migrates the database at start-up, and seeds demo data in Development.</summary>
internal static class DatabaseSetup
{
    public static async Task MigrateAndSeedAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        await db.Database.MigrateAsync(app.Lifetime.ApplicationStopping);
        if (app.Configuration.GetValue("Erp:SeedDemoData", app.Environment.IsDevelopment()))
        {
            await DemoData.SeedAsync(db, app.Lifetime.ApplicationStopping);
            await DemoData.SeedUsersAsync(scope.ServiceProvider.GetRequiredService<ClinicUserManager<ErpUser>>());
        }
    }

    /// <summary>Migrates the database, then runs <see cref="CreateSuperuserCommand"/> on the process's terminal.</summary>
    public static async Task<int> RunCreateSuperuserAsync(this WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ErpDbContext>().Database.MigrateAsync();
        var command = new CreateSuperuserCommand(scope.ServiceProvider.GetRequiredService<ClinicUserManager<ErpUser>>(), new SystemCommandConsole());
        return await command.RunAsync(args, Environment.GetEnvironmentVariable(CreateSuperuserCommand.PasswordVariable));
    }

    /// <summary>
    /// The SQLite file lives under the content root's App_Data unless a connection string is configured; the folder
    /// is created so a fresh clone runs with nothing to prepare.
    /// </summary>
    public static string SqliteConnectionString(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString("Erp");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var folder = Path.Combine(builder.Environment.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "clinic-erp.db")}";
    }

    /// <summary>
    /// Where the Data Protection key ring is kept: <c>Erp:DataProtectionKeysPath</c>, or App_Data/keys under the
    /// content root (created on start-up; keep it out of the web root and out of source control).
    /// </summary>
    public static string DataProtectionKeysFolder(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Erp:DataProtectionKeysPath"];
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys")
            : configured;
        Directory.CreateDirectory(folder);
        return folder;
    }
}
