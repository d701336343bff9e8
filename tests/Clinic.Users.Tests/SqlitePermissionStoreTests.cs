namespace Clinic.Users.Tests;

public sealed class SqlitePermissionStoreTests : PermissionStoreTests
{
    protected override string Kind => "sqlite";
}
