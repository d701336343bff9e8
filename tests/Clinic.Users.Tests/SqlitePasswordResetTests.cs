namespace Clinic.Users.Tests;

public sealed class SqlitePasswordResetTests : PasswordResetTests
{
    protected override string Kind => "sqlite";
}
