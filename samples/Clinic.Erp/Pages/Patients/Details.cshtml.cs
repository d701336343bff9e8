using Clinic.Erp.Domain;
using Clinic.Erp.Infrastructure;
using Clinic.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Pages.Patients;

/// <summary>One patient's record: their doctor, staff, or the patient themself; 404 for everybody else (APP-01).</summary>
[RequirePermission(ErpPermissions.ViewPatient)]
public sealed class DetailsModel(ClinicAccess access) : PageModel
{
    public Patient Patient { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var viewer = await access.GetViewerAsync(User, cancellationToken);
        var patient = await access.VisiblePatients(viewer).AsNoTracking()
            .Include(p => p.User)
            .Include(p => p.Doctor!.User)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return NotFound();
        }

        Patient = patient;
        return Page();
    }
}
