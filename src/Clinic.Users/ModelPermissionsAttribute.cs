namespace Clinic.Users;

/// <summary>
/// Describes an entity's permissions (Django's <c>Meta.app_label</c>, <c>verbose_name</c> and
/// <c>default_permissions</c>). Without it the entity gets the four default permissions under the default app label.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ModelPermissionsAttribute : Attribute
{
    /// <summary>The app label, such as <c>"erp"</c>; <see langword="null"/> for the configured default.</summary>
    public string? AppLabel { get; set; }

    /// <summary>The readable singular name used in "Can add …"; <see langword="null"/> to derive it from the class name ("DoctorVisit" → "doctor visit").</summary>
    public string? VerboseName { get; set; }

    /// <summary>Whether the <c>add_</c>, <c>change_</c>, <c>delete_</c> and <c>view_</c> permissions are created; <see langword="true"/> by default.</summary>
    public bool DefaultPermissions { get; set; } = true;
}
