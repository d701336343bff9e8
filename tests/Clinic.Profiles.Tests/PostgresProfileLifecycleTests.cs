using Clinic.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Clinic.Profiles.Tests;

public sealed class PostgresProfileLifecycleTests : ProfileLifecycleTests
{
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.RequirePostgres())
    {
        Database = "clinic_profiles_" + Guid.NewGuid().ToString("N"),
        Pooling = false,
    }.ConnectionString;

    protected override void UseDatabase(DbContextOptionsBuilder options) => options.UseNpgsql(_connectionString);
}
