namespace Clinic.Users.Admin.Internal;

/// <summary>The MVC area of the admin's controllers and views.</summary>
internal static class AdminAreas
{
    public const string Name = "ClinicAdmin";
}
