using Clinic.Erp.Domain;
using Clinic.Erp.Infrastructure;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Data;

/// <summary>Creates and migrates the database at start-up, and seeds demo data in Development.</summary>
internal static class DatabaseSetup
{
    /// <summary>
    /// Brings the schema up to date before the host starts (the demo data is seeded later by
    /// <see cref="ClinicGroupsSetup"/>, once Clinic.Users has created the permissions).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await PrepareAsync(scope.ServiceProvider.GetRequiredService<ErpDbContext>(), app.Configuration, app.Lifetime.ApplicationStopping);
    }

    /// <summary>
    /// SQLite: applies the migrations in Data/Migrations (they are generated for SQLite). PostgreSQL: creates the
    /// schema from the model when the database has none (<c>EnsureCreated</c>); see the README for why and what that
    /// means for schema changes.
    /// </summary>
    public static async Task PrepareAsync(ErpDbContext db, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (ErpStorage.UsesPostgreSql(configuration))
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
            return;
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Migrates the database, then runs <see cref="CreateSuperuserCommand"/> on the process's terminal.</summary>
    public static async Task<int> RunCreateSuperuserAsync(this WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await PrepareAsync(scope.ServiceProvider.GetRequiredService<ErpDbContext>(), app.Configuration, CancellationToken.None);
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
    /// Where uploaded media (profile pictures) are kept: <c>Erp:MediaPath</c>, or App_Data/media under the content
    /// root (outside the web root, as Clinic.Profiles requires; created on start-up).
    /// </summary>
    public static string MediaFolder(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Erp:MediaPath"];
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(builder.Environment.ContentRootPath, "App_Data", "media")
            : configured;
        Directory.CreateDirectory(folder);
        return folder;
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
