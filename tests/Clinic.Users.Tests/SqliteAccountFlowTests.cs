namespace Clinic.Users.Tests;

public sealed class SqliteAccountFlowTests : AccountFlowTests
{
    protected override string Kind => "sqlite";
}
