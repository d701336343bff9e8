namespace Clinic.Users;

/// <summary>A user's membership of a group.</summary>
public sealed class ClinicUserGroup
{
    /// <summary>The user's key.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The group's key.</summary>
    public int GroupId { get; set; }

    /// <summary>The group.</summary>
    public ClinicGroup? Group { get; set; }
}
