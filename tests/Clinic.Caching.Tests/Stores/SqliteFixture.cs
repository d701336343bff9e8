using Clinic.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clinic.Caching.Tests.Stores;

public sealed class SqliteFixture : DatabaseFixture
{
    protected override string CreateConnectionString() =>
        "Data Source=" + Path.Combine(Path.GetTempPath(), "clinic-caching-" + Guid.NewGuid().ToString("N") + ".db");

    public override void Configure(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);
}
