using Microsoft.AspNetCore.Identity;

namespace Clinic.Users;

/// <summary>
/// The base class of an application's user (Django's custom user model): the e-mail address is the login name,
/// with Django's flags and dates. Derive from it to add fields of your own.
/// </summary>
/// <remarks>
/// <see cref="IdentityUser{TKey}.UserName"/> and <see cref="IdentityUser{TKey}.Email"/> hold the same normalised
/// address (see <see cref="ClinicUserEmail.Normalize(string?)"/>); Identity's unique index on the normalised user
/// name makes it unique.
/// </remarks>
public class ClinicUser : IdentityUser
{
    /// <summary>The given name; empty by default.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>The family name; empty by default.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary>Whether the account may sign in and holds permissions (Django's <c>is_active</c>); <see langword="true"/> by default.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Whether the user may use the admin panel (Django's <c>is_staff</c>); <see langword="false"/> by default.</summary>
    public bool IsStaff { get; set; }

    /// <summary>Whether an active user holds every permission without being granted it (Django's <c>is_superuser</c>).</summary>
    public bool IsSuperuser { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTimeOffset DateJoined { get; set; }

    /// <summary>When the user last signed in (UTC); <see langword="null"/> before the first sign-in.</summary>
    public DateTimeOffset? LastLogin { get; set; }

    /// <summary>The client address of the last sign-in, as seen after the forwarded-headers middleware.</summary>
    public string? LastLoginIp { get; set; }

    /// <summary>The full name, "first last", trimmed (Django's <c>get_full_name</c>).</summary>
    /// <returns>The full name.</returns>
    public string GetFullName() => $"{FirstName} {LastName}".Trim();
}
