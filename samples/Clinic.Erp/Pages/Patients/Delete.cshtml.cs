using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Erp.Infrastructure;
using Clinic.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Pages.Patients;

/// <summary>
/// Deletes a patient record after a confirmation (POST only; the user account stays and can be deactivated in the
/// admin). A foreign id is a 404 and deletes nothing.
/// </summary>
[RequirePermission(ErpPermissions.DeletePatient)]
public sealed class DeleteModel(ErpDbContext db, ClinicAccess access) : PageModel
{
    public Patient Patient { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        var doctorId = Patient.DoctorId;
        db.Patients.Remove(Patient);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Doctors/Patients", new { id = doctorId });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var viewer = await access.GetViewerAsync(User, cancellationToken);
        var patient = await access.VisiblePatients(viewer)
            .Include(p => p.User)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return NotFound();
        }

        Patient = patient;
        return null;
    }
}
