namespace Clinic.Users.Tests;

public sealed class PostgresAccountFlowTests : AccountFlowTests
{
    protected override string Kind => "postgres";
}
