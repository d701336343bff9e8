namespace Clinic.Users;

/// <summary>A named group of users that holds permissions (Django's <c>Group</c>).</summary>
public sealed class ClinicGroup
{
    /// <summary>The key.</summary>
    public int Id { get; set; }

    /// <summary>The unique name (at most 150 characters).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The permissions the group holds.</summary>
    public ICollection<ClinicGroupPermission> Permissions { get; } = [];

    /// <inheritdoc/>
    public override string ToString() => Name;
}
