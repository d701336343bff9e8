namespace Clinic.Users.Admin.Internal;

/// <summary>What the admin reads of a user: never the password hash, stamps or tokens.</summary>
internal sealed record AdminUserRow(string Id, string Email, string FirstName, string LastName, bool IsActive, bool IsStaff, bool IsSuperuser, DateTimeOffset DateJoined, DateTimeOffset? LastLogin);
