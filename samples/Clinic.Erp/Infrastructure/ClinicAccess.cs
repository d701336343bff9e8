using System.Security.Claims;
using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Users;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Infrastructure;

/// <summary>
/// Row-level rules of the clinic (SECURITY.md APP-01), in one place: every patient query of a page starts from
/// <see cref="VisiblePatients"/>, so a foreign id is simply not found (404) and never tells whether it exists.
/// </summary>
public sealed class ClinicAccess(ErpDbContext db, ClinicUserManager<ErpUser> users)
{
    private Viewer? _viewer;

    /// <summary>The current user's row-level scope, read once per request (one query).</summary>
    public async Task<Viewer> GetViewerAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (_viewer is not null)
        {
            return _viewer;
        }

        var userId = users.GetUserId(principal);
        if (userId is null)
        {
            return _viewer = Viewer.Anonymous;
        }

        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                SeesEverything = u.IsActive && (u.IsStaff || u.IsSuperuser),
                MayEnterAdmin = u.IsActive && u.IsStaff,
                DoctorId = db.Doctors.Where(d => d.UserId == u.Id).Select(d => (int?)d.Id).FirstOrDefault(),
                PatientId = db.Patients.Where(p => p.UserId == u.Id).Select(p => (int?)p.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return _viewer = row is null ? Viewer.Anonymous : new Viewer(userId, row.SeesEverything, row.DoctorId, row.PatientId, row.MayEnterAdmin);
    }

    /// <summary>The patients <paramref name="viewer"/> may see: all for staff, a doctor's own, a patient's own record, else none.</summary>
    public IQueryable<Patient> VisiblePatients(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        IQueryable<Patient> patients = db.Patients;
        if (viewer.SeesEverything)
        {
            return patients;
        }

        if (viewer.DoctorId is { } doctorId)
        {
            return patients.Where(p => p.DoctorId == doctorId);
        }

        return viewer.PatientId is { } patientId ? patients.Where(p => p.Id == patientId) : patients.Where(_ => false);
    }

    /// <summary>
    /// The doctors <paramref name="viewer"/> may see: active ones for everybody; inactive ones only for staff, the
    /// doctor themself and that doctor's patients.
    /// </summary>
    public IQueryable<Doctor> VisibleDoctors(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.SeesEverything)
        {
            return db.Doctors;
        }

        var ownDoctorId = viewer.PatientId is { } patientId
            ? db.Patients.Where(p => p.Id == patientId).Select(p => (int?)p.DoctorId)
            : db.Patients.Where(_ => false).Select(p => (int?)p.DoctorId);
        return db.Doctors.Where(d => d.IsActive || d.Id == viewer.DoctorId || ownDoctorId.Contains(d.Id));
    }
}
