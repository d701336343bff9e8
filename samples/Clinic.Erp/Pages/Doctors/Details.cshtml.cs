using Clinic.Erp.Domain;
using Clinic.Erp.Infrastructure;
using Clinic.PageCount;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Pages.Doctors;

/// <summary>
/// One doctor: public for active doctors; an inactive one is visible only to staff, the doctor and their patients
/// (404 for everybody else).
/// </summary>
[AllowAnonymous]
[PageCount]
public sealed class DetailsModel(ClinicAccess access) : PageModel
{
    public Doctor Doctor { get; private set; } = null!;

    /// <summary>Whether the viewer may open this doctor's patient list.</summary>
    public bool MaySeePatients { get; private set; }

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

        Doctor = doctor;
        MaySeePatients = viewer.MaySeePatientsOf(id);
        return Page();
    }
}
