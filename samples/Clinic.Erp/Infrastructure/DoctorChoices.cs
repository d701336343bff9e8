using System.Globalization;
using Clinic.Erp.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Infrastructure;

/// <summary>
/// The doctor picker (Django's <c>ModelChoiceField</c> over <c>Doctor.objects.filter(active=True)</c>): the choices are
/// the active doctors, and a posted id outside them is a validation error, never a 500.
/// </summary>
public static class DoctorChoices
{
    /// <summary>Django's message for a choice outside the queryset.</summary>
    public const string InvalidDoctorMessage = "Select a valid choice. That choice is not one of the available choices.";

    /// <summary>The active doctors as picker items, by name.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> ActiveDoctorChoicesAsync(ErpDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var doctors = await db.Doctors.AsNoTracking()
            .Where(d => d.IsActive)
            .OrderBy(d => d.User!.LastName).ThenBy(d => d.User!.FirstName)
            .Select(d => new { d.Id, d.User!.FirstName, d.User.LastName, d.Speciality })
            .ToListAsync(cancellationToken);
        return doctors
            .Select(d => new SelectListItem($"{d.FirstName} {d.LastName} — {d.Speciality}", d.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Whether <paramref name="doctorId"/> is one of <paramref name="choices"/>.</summary>
    public static bool Contains(IReadOnlyList<SelectListItem> choices, int? doctorId) =>
        doctorId is { } id && choices.Any(c => c.Value == id.ToString(CultureInfo.InvariantCulture));
}
