using System.ComponentModel.DataAnnotations;
using Clinic.Users;

namespace Clinic.Erp.Domain;

/// <summary>A doctor of the clinic: a user account (one-to-one) with the doctor's fields and the patients assigned to them.</summary>
[ModelPermissions(AppLabel = "erp")]
public sealed class Doctor
{
    public int Id { get; set; }

    /// <summary>The doctor's user account (unique: one doctor per account); the name shown is the account's.</summary>
    [Required, StringLength(450), Display(Name = "Account")]
    public string UserId { get; set; } = "";

    public ErpUser? User { get; set; }

    [Required, StringLength(100)]
    public string Speciality { get; set; } = "";

    /// <summary>The professional licence number, unique across the clinic.</summary>
    [Required, StringLength(32)]
    public string LicenceNumber { get; set; } = "";

    /// <summary>Only active doctors are listed publicly and can be picked by new patients.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>The reverse side of <see cref="Patient.Doctor"/> (Django's <c>doctor.patient_set</c>).</summary>
    public List<Patient> Patients { get; } = [];

    /// <summary>The display name: the account's full name, or its email when the names are empty.</summary>
    public string Name => User is null ? "" : User.GetFullName() is { Length: > 0 } full ? full : User.Email ?? "";

    /// <summary>
    /// The text the admin shows for a doctor (lists, the patient form's picker, history): the name when the account is
    /// loaded, else the speciality and licence, which the admin's queries always have.
    /// </summary>
    public override string ToString() => Name is { Length: > 0 } name ? $"{name} — {Speciality}" : $"{Speciality} ({LicenceNumber})";
}
