namespace Clinic.Users;

/// <summary>
/// Declares an extra permission on an entity (one entry of Django's <c>Meta.permissions</c>), created at start-up
/// under the entity's app label: <c>[CustomPermission("discharge_patient", "Can discharge patient")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CustomPermissionAttribute : Attribute
{
    /// <summary>Declares the permission.</summary>
    /// <param name="codename">The code name: letters, digits and underscores, at most 100 characters.</param>
    /// <param name="name">The readable name, at most 255 characters.</param>
    public CustomPermissionAttribute(string codename, string name)
    {
        Codename = codename;
        Name = name;
    }

    /// <summary>The code name.</summary>
    public string Codename { get; }

    /// <summary>The readable name.</summary>
    public string Name { get; }
}
