using Clinic.Users;

namespace Clinic.Erp.Domain;

/// <summary>The sample's user: Clinic.Users' user as it is (doctor and patient links come in a later slice).</summary>
public sealed class ErpUser : ClinicUser
{
}
