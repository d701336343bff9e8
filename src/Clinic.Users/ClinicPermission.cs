namespace Clinic.Users;

/// <summary>A permission as Django models it: an application label, a code name and a readable name.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Django's name for the concept; not a code-access-security permission.")]
public sealed class ClinicPermission
{
    /// <summary>The key.</summary>
    public int Id { get; set; }

    /// <summary>The application label, the part before the dot in <c>"erp.view_patient"</c> (at most 100 characters).</summary>
    public string AppLabel { get; set; } = string.Empty;

    /// <summary>The code name, the part after the dot in <c>"erp.view_patient"</c> (at most 100 characters).</summary>
    public string Codename { get; set; } = string.Empty;

    /// <summary>The readable name, such as "Can view patient" (at most 255 characters).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The groups holding this permission.</summary>
    public ICollection<ClinicGroupPermission> Groups { get; } = [];

    /// <summary>The permission string, <c>"app_label.codename"</c>.</summary>
    /// <returns>The permission string.</returns>
    public override string ToString() => AppLabel + "." + Codename;
}
