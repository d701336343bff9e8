using System.ComponentModel.DataAnnotations;
using Clinic.Users;

namespace Clinic.Erp.Domain;

/// <summary>A patient: a user account (one-to-one) with the patient's fields, always assigned to one doctor.</summary>
[ModelPermissions(AppLabel = "erp")]
public sealed class Patient
{
    public int Id { get; set; }

    /// <summary>The patient's user account (unique: one patient record per account).</summary>
    [Required, StringLength(450)]
    public string UserId { get; set; } = "";

    public ErpUser? User { get; set; }

    public DateOnly DateOfBirth { get; set; }

    [Phone, StringLength(32)]
    public string? Phone { get; set; }

    public int DoctorId { get; set; }

    public Doctor? Doctor { get; set; }

    /// <summary>The display name: the account's full name, or its email when the names are empty.</summary>
    public string Name => User is null ? "" : User.GetFullName() is { Length: > 0 } full ? full : User.Email ?? "";
}
