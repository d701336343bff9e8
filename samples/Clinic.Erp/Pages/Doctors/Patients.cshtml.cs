using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Erp.Infrastructure;
using Clinic.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Pages.Doctors;

/// <summary>
/// A doctor's patients (the reverse side of <see cref="Patient.Doctor"/>): only that doctor, staff or a superuser
/// (403 for any other signed-in user, 404 for an unknown doctor).
/// </summary>
[RequirePermission(ErpPermissions.ViewPatient)]
public sealed class PatientsModel(ErpDbContext db, ClinicAccess access) : PageModel
{
    public Doctor Doctor { get; private set; } = null!;

    public IReadOnlyList<Patient> Patients { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var viewer = await access.GetViewerAsync(User, cancellationToken);
        var doctor = await access.VisibleDoctors(viewer).AsNoTracking()
            .Include(d => d.User)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (doctor is null)
        {
            return NotFound();
        }

        if (!viewer.MaySeePatientsOf(id))
        {
            return Forbid();
        }

        Doctor = doctor;
        Patients = await db.Patients.AsNoTracking()
            .Where(p => p.DoctorId == id)
            .Include(p => p.User)
            .OrderBy(p => p.User!.LastName).ThenBy(p => p.User!.FirstName)
            .ToListAsync(cancellationToken);
        return Page();
    }
}
