using Clinic.Users;

namespace Clinic.Users.Tests.Infrastructure;

public sealed class TestUser : ClinicUser
{
    public string? Badge { get; set; }
}
