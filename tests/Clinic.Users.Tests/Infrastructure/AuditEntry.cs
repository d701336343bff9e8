using Clinic.Users;

namespace Clinic.Users.Tests.Infrastructure;

[ModelPermissions(DefaultPermissions = false, VerboseName = "audit record")]
[CustomPermission("export_audit", "Can export audit records")]
public sealed class AuditEntry
{
    public int Id { get; set; }
}
