namespace Clinic.Users.Tests;

public sealed class PostgresPermissionStoreTests : PermissionStoreTests
{
    protected override string Kind => "postgres";
}
