using Clinic.Users;

namespace Clinic.Users.Tests.Infrastructure;

[ModelPermissions(AppLabel = "erp")]
[CustomPermission("discharge_patient", "Can discharge patient")]
public sealed class Patient
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;
}
