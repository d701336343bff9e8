using Clinic.Erp.Data;
using Clinic.PageCount;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Pages;

/// <summary>The home page: what the clinic holds at a glance, and how often its public pages were viewed.</summary>
[PageCount]
public sealed class IndexModel(ErpDbContext db) : PageModel
{
    public int DoctorCount { get; private set; }

    public int PatientCount { get; private set; }

    public IReadOnlyList<DoctorSummary> Doctors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Doctors = await db.Doctors
            .AsNoTracking()
            .Where(d => d.IsActive)
            .OrderBy(d => d.User!.LastName).ThenBy(d => d.User!.FirstName)
            .Select(d => new DoctorSummary(d.Id, d.User!.FirstName + " " + d.User.LastName, d.Speciality, d.Patients.Count))
            .ToListAsync(cancellationToken);
        DoctorCount = Doctors.Count;
        PatientCount = await db.Patients.CountAsync(cancellationToken);
    }

    /// <summary>One row of the doctors table.</summary>
    public sealed record DoctorSummary(int Id, string Name, string Speciality, int PatientCount);
}
