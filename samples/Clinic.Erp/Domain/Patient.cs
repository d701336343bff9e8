using System.ComponentModel.DataAnnotations;
using Clinic.Users;

namespace Clinic.Erp.Domain;

/// <summary>A patient: a user account (one-to-one) with the patient's fields, always assigned to one doctor.</summary>
[ModelPermissions(AppLabel = "erp")]
public sealed class Patient
{
    public int Id { get; set; }

    /// <summary>The patient's user account (unique: one patient record per account).</summary>
    [Required, StringLength(450), Display(Name = "Account")]
    public string UserId { get; set; } = "";

    public ErpUser? User { get; set; }

    public DateOnly DateOfBirth { get; set; }

    [Phone, StringLength(32)]
    public string? Phone { get; set; }

    [Display(Name = "Doctor")]
    public int DoctorId { get; set; }

    public Doctor? Doctor { get; set; }

    /// <summary>The display name: the account's full name, or its email when the names are empty.</summary>
    public string Name => User is null ? "" : User.GetFullName() is { Length: > 0 } full ? full : User.Email ?? "";

    /// <summary>
    /// The text the admin shows for a patient: the name when the account is loaded, else the record number and date of
    /// birth (the admin loads the row without its account).
    /// </summary>
    public override string ToString() => Name is { Length: > 0 } name ? name : FormattableString.Invariant($"Patient {Id}, born {DateOfBirth:yyyy-MM-dd}");
}
