using Microsoft.EntityFrameworkCore;

namespace Clinic.Profiles.Tests;

public sealed class SqliteProfileEditorTests : ProfileEditorTests
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), "clinic-profiles-editor-" + Guid.NewGuid().ToString("N") + ".db");

    protected override void UseDatabase(DbContextOptionsBuilder options) =>
        options.UseSqlite($"Data Source={_database};Pooling=False");
}
