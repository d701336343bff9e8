namespace Clinic.Users;

/// <summary>A permission granted to a user directly.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Django's name for the concept; not a code-access-security permission.")]
public sealed class ClinicUserPermission
{
    /// <summary>The user's key.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The permission's key.</summary>
    public int PermissionId { get; set; }

    /// <summary>The permission.</summary>
    public ClinicPermission? Permission { get; set; }
}
