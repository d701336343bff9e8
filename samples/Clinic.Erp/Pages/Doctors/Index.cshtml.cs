using Clinic.Caching;
using Clinic.Erp.Data;
using Clinic.PageCount;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Pages.Doctors;

/// <summary>
/// The public list of active doctors. Cached per URL for anonymous visitors (Clinic.Caching; signed-in users bypass
/// the cache) and invalidated by <see cref="Infrastructure.DoctorListCacheInvalidation"/> when a doctor or patient changes.
/// </summary>
[AllowAnonymous]
[PageCount]
[CachePage(600, Tags = [CacheTag])]
public sealed class IndexModel(ErpDbContext db) : PageModel
{
    /// <summary>The cache tag of every cached doctor list page.</summary>
    public const string CacheTag = "doctors";

    public IReadOnlyList<DoctorRow> Doctors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Doctors = await db.Doctors.AsNoTracking()
            .Where(d => d.IsActive)
            .OrderBy(d => d.User!.LastName).ThenBy(d => d.User!.FirstName)
            .Select(d => new DoctorRow(d.Id, d.User!.FirstName + " " + d.User.LastName, d.Speciality, d.Patients.Count))
            .ToListAsync(cancellationToken);

    /// <summary>One doctor in the list.</summary>
    public sealed record DoctorRow(int Id, string Name, string Speciality, int PatientCount);
}
