using Microsoft.EntityFrameworkCore;

namespace Clinic.Profiles.Tests;

/// <summary>The combined-form facts on PostgreSQL: one database for the class, emptied before each test.</summary>
public sealed class PostgresProfileEditorTests(PostgresDatabaseFixture database) : ProfileEditorTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override void UseDatabase(DbContextOptionsBuilder options) => options.UseNpgsql(database.ConnectionString);

    protected override async Task PrepareDatabaseAsync(ProfilesTestDbContext context)
    {
        await database.EnsureSchemaAsync(context);
        await context.Database.ExecuteSqlRawAsync("TRUNCATE \"AspNetUsers\" CASCADE");
    }

    protected override Task DropDatabaseAsync(ProfilesTestDbContext context) => Task.CompletedTask;
}
