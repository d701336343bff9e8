namespace Clinic.Users.Tests.Infrastructure;

public sealed class DoctorVisit
{
    public int Id { get; set; }
}
