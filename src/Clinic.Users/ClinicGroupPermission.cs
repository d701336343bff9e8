namespace Clinic.Users;

/// <summary>A permission held by a group.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Django's name for the concept; not a code-access-security permission.")]
public sealed class ClinicGroupPermission
{
    /// <summary>The group's key.</summary>
    public int GroupId { get; set; }

    /// <summary>The permission's key.</summary>
    public int PermissionId { get; set; }

    /// <summary>The group.</summary>
    public ClinicGroup? Group { get; set; }

    /// <summary>The permission.</summary>
    public ClinicPermission? Permission { get; set; }
}
