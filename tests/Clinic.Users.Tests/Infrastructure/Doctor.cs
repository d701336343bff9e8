using System.ComponentModel.DataAnnotations;
using Clinic.Users;

namespace Clinic.Users.Tests.Infrastructure;

public enum Specialty
{
    General,
    Cardiology,
    Paediatrics,
}

/// <summary>An entity the admin tests register: annotations, an enum, a flag, a concurrency token and a secret.</summary>
[ModelPermissions(AppLabel = "clinic")]
public sealed class Doctor
{
    public int Id { get; set; }

    [Required]
    [StringLength(100)]
    public string Name { get; set; } = string.Empty;

    [EmailAddress]
    [StringLength(200)]
    public string? Email { get; set; }

    public Specialty Specialty { get; set; }

    [Display(Name = "Accepting patients")]
    public bool IsAccepting { get; set; } = true;

    /// <summary>Must never be shown by the admin.</summary>
    [StringLength(100)]
    public string? ApiSecret { get; set; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    public override string ToString() => "Dr " + Name;
}
