namespace Clinic.Users.Tests;

public sealed class PostgresPasswordResetTests : PasswordResetTests
{
    protected override string Kind => "postgres";
}
