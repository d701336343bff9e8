using Clinic.Erp.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Pages;

/// <summary>The home page: what the clinic holds at a glance.</summary>
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
            .OrderBy(d => d.Name)
            .Select(d => new DoctorSummary(d.Name, d.Speciality, d.Patients.Count))
            .ToListAsync(cancellationToken);
        DoctorCount = Doctors.Count;
        PatientCount = await db.Patients.CountAsync(cancellationToken);
    }

    /// <summary>One row of the doctors table.</summary>
    public sealed record DoctorSummary(string Name, string Speciality, int PatientCount);
}
