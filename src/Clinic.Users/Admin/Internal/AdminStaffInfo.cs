namespace Clinic.Users.Admin.Internal;

/// <summary>The flags that decide whether a user may enter the admin.</summary>
internal sealed record AdminStaffInfo(string Id, string Email, bool IsActive, bool IsStaff, bool IsSuperuser);
