using Microsoft.EntityFrameworkCore;

namespace Clinic.Profiles.Tests;

/// <summary>The lifecycle facts on PostgreSQL: one database for the class (created once, dropped at the end), emptied before each test.</summary>
public sealed class PostgresProfileLifecycleTests(PostgresDatabaseFixture database) : ProfileLifecycleTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override void UseDatabase(DbContextOptionsBuilder options) => options.UseNpgsql(database.ConnectionString);

    protected override async Task PrepareDatabaseAsync(ProfilesTestDbContext context)
    {
        await database.EnsureSchemaAsync(context);
        await context.Database.ExecuteSqlRawAsync("TRUNCATE \"AspNetUsers\" CASCADE");
    }

    protected override Task DropDatabaseAsync(ProfilesTestDbContext context) => Task.CompletedTask;
}
