using Clinic.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clinic.Caching.Tests.Stores;

public sealed class PostgresFixture : DatabaseFixture
{
    protected override string CreateConnectionString() =>
        new NpgsqlConnectionStringBuilder(TestEnvironment.RequirePostgres()) { Database = "clinic_caching_" + Guid.NewGuid().ToString("N") }.ConnectionString;

    public override void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);
}
